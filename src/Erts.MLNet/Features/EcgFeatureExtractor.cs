using Erts.MLNet.Dsp;

namespace Erts.MLNet.Features;

/// <summary>
/// Computes the hand-made features of one ECG lead: R peaks with <see cref="RPeakDetector"/>, then the beat or rhythm
/// features of <see cref="EcgFeatureSet"/>, one value per <see cref="SlotNames"/> entry. Values that a signal does not
/// define (an RR interval with a single beat, a P wave before the window) are NaN, ML.NET's missing value; trainers
/// skip rows with a missing feature, so impute them (<c>ReplaceMissingValues</c>) before training. Immutable and
/// thread-safe; one instance serves every row of a column.
/// </summary>
public sealed class EcgFeatureExtractor
{
    private const double BaselineCutoffHz = 0.5;
    private const double NearestBeatSeconds = 0.100;
    private const double BeatBeforeSeconds = 0.250;
    private const double BeatAfterSeconds = 0.450;
    private const double TemplateBeforeSeconds = 0.200;
    private const double TemplateAfterSeconds = 0.400;

    /// <summary>Offsets from the R peak, in ms, at which <see cref="EcgFeatureSet.Beat"/> samples the waveform:
    /// nine across the QRS and six across the T wave, as in de Chazal et al. (2004).</summary>
    public static IReadOnlyList<int> WaveformOffsetsMs { get; } = [-100, -75, -50, -25, 0, 25, 50, 75, 100, 150, 200, 250, 300, 350, 400];

    private static readonly (string Name, Func<BeatFeatures, double> Value)[] BeatSlots =
    [
        ("RR.Previous", b => b.RrPrevious),
        ("RR.Next", b => b.RrNext),
        ("RR.LocalAverage", b => b.RrLocal),
        ("RR.PreviousToLocal", b => b.RrPrevious / b.RrLocal),
        ("RR.NextToLocal", b => b.RrNext / b.RrLocal),
        ("RR.NextToPrevious", b => b.RrNext / b.RrPrevious),
        ("QRS.Width", b => b.Wave.QrsWidth),
        ("QRS.RAmplitude", b => b.Wave.RAmplitude),
        ("QRS.SAmplitude", b => b.Wave.SAmplitude),
        ("QRS.PeakToPeak", b => b.Wave.QrsPeakToPeak),
        ("QRS.Area", b => b.Wave.QrsArea),
        ("QRS.AbsoluteArea", b => b.Wave.QrsAbsoluteArea),
        ("QRS.MaxSlope", b => b.Wave.MaxSlope),
        ("P.Amplitude", b => b.Wave.PAmplitude),
        ("T.Amplitude", b => b.Wave.TAmplitude),
        ("Beat.Mean", b => b.Moments.Mean),
        ("Beat.StandardDeviation", b => b.Moments.StandardDeviation),
        ("Beat.Skewness", b => b.Moments.Skewness),
        ("Beat.Kurtosis", b => b.Moments.Kurtosis),
        .. WaveformOffsetsMs.Select((ms, i) => ($"Wave.R{ms:+0;-0;+0}ms", (Func<BeatFeatures, double>)(b => b.Waveform[i]))),
    ];

    private static readonly (string Name, Func<RhythmFeatures, double> Value)[] RhythmSlots =
    [
        ("Beats.Count", r => r.BeatCount),
        ("HeartRate.Mean", r => 60 / r.Rr.Mean),
        ("RR.Mean", r => r.Rr.Mean),
        ("RR.Median", r => r.Rr.Median),
        ("RR.Minimum", r => r.Rr.Minimum),
        ("RR.Maximum", r => r.Rr.Maximum),
        ("RR.SDNN", r => r.Rr.Sdnn),
        ("RR.RMSSD", r => r.Rr.Rmssd),
        ("RR.pNN50", r => r.Rr.Pnn50),
        ("RR.CoefficientOfVariation", r => r.Rr.CoefficientOfVariation),
        ("RR.SampleEntropy", r => r.Rr.SampleEntropy),
        ("RR.IrregularFraction", r => r.Rr.IrregularFraction),
        ("QRS.WidthMedian", r => r.Median(w => w.QrsWidth)),
        ("QRS.RAmplitudeMedian", r => r.Median(w => w.RAmplitude)),
        ("QRS.SAmplitudeMedian", r => r.Median(w => w.SAmplitude)),
        ("QRS.MaxSlopeMedian", r => r.Median(w => w.MaxSlope)),
        ("P.AmplitudeMedian", r => r.Median(w => w.PAmplitude)),
        ("T.AmplitudeMedian", r => r.Median(w => w.TAmplitude)),
        ("Template.CorrelationMean", r => r.TemplateCorrelationMean),
        ("Template.CorrelationMinimum", r => r.TemplateCorrelationMinimum),
        ("Signal.StandardDeviation", r => r.SignalDeviation),
    ];

    private readonly RPeakDetector _detector;
    private readonly SecondOrderSections _baselineFilter;
    private readonly int _beatPosition;

    /// <summary>Prepares the extraction for leads of <paramref name="length"/> samples at <paramref name="samplingRate"/> Hz.</summary>
    /// <param name="featureSet">Beat or rhythm features.</param>
    /// <param name="samplingRate">Samples per second; above 30 Hz.</param>
    /// <param name="length">Samples per lead, enough for the filters (at least 0.5 s).</param>
    /// <param name="beatPosition">For <see cref="EcgFeatureSet.Beat"/>: the sample of the beat to describe (the R peak
    /// of a beat window, e.g. 90 for <c>MitBeatDatabase</c>'s 0.25 s at 360 Hz); null for the window's centre.</param>
    /// <exception cref="ArgumentOutOfRangeException">The set is unknown, the rate or length too small, or the position outside the lead.</exception>
    public EcgFeatureExtractor(EcgFeatureSet featureSet, double samplingRate, int length, int? beatPosition = null)
    {
        if (!Enum.IsDefined(featureSet)) throw new ArgumentOutOfRangeException(nameof(featureSet), featureSet, "unknown feature set");
        _detector = new RPeakDetector(samplingRate);
        if (length < samplingRate / 2)
            throw new ArgumentOutOfRangeException(nameof(length), length, $"feature extraction needs at least 0.5 s of signal ({Math.Ceiling(samplingRate / 2)} samples at {samplingRate} Hz)");
        if (beatPosition is < 0 || beatPosition >= length)
            throw new ArgumentOutOfRangeException(nameof(beatPosition), beatPosition, $"the beat position must be a sample of the lead, in [0, {length})");
        FeatureSet = featureSet;
        SamplingRate = samplingRate;
        Length = length;
        _beatPosition = beatPosition ?? length / 2;
        _baselineFilter = FilterDesign.Butterworth(2, BaselineCutoffHz, null, samplingRate);
        SlotNames = featureSet == EcgFeatureSet.Beat ? BeatSlots.Select(s => s.Name).ToArray() : RhythmSlots.Select(s => s.Name).ToArray();
    }

    /// <summary>The features computed.</summary>
    public EcgFeatureSet FeatureSet { get; }

    /// <summary>Samples per second of the leads read.</summary>
    public double SamplingRate { get; }

    /// <summary>Samples per lead read.</summary>
    public int Length { get; }

    /// <summary>The name of each feature, in output order (the <c>SlotNames</c> of the <c>Features</c> column).</summary>
    public IReadOnlyList<string> SlotNames { get; }

    /// <summary>Writes the features of <paramref name="lead"/> (mV, <see cref="Length"/> samples) into <paramref name="features"/>.</summary>
    /// <param name="lead">One lead in mV.</param>
    /// <param name="features">Receives <see cref="SlotNames"/>.Count values.</param>
    /// <exception cref="ArgumentException">A length does not match.</exception>
    public void Extract(ReadOnlySpan<float> lead, Span<float> features)
    {
        if (lead.Length != Length) throw new ArgumentException($"the lead has {lead.Length} samples; this extractor reads {Length}", nameof(lead));
        if (features.Length != SlotNames.Count) throw new ArgumentException($"room for {features.Length} features; there are {SlotNames.Count}", nameof(features));

        var clean = new float[Length];
        for (int i = 0; i < Length; i++) clean[i] = float.IsFinite(lead[i]) ? lead[i] : 0;
        _baselineFilter.FilterZeroPhase(clean, clean);
        int[] peaks = _detector.Detect(lead);
        if (FeatureSet == EcgFeatureSet.Beat) Write(BeatSlots, DescribeBeat(clean, peaks), features);
        else Write(RhythmSlots, DescribeRhythm(clean, peaks), features);
    }

    /// <summary>The R peaks the features are computed from (for inspection).</summary>
    /// <param name="lead">One lead in mV, <see cref="Length"/> samples.</param>
    public int[] DetectPeaks(ReadOnlySpan<float> lead) => _detector.Detect(lead);

    private static void Write<T>((string Name, Func<T, double> Value)[] slots, T source, Span<float> features)
    {
        for (int i = 0; i < slots.Length; i++) features[i] = (float)slots[i].Value(source);
    }

    private int Samples(double seconds) => (int)Math.Round(seconds * SamplingRate);

    private BeatFeatures DescribeBeat(float[] clean, int[] detected)
    {
        // The beat described is the detected peak nearest the fiducial point, or the fiducial itself if none is near.
        var peaks = detected.ToList();
        int nearest = peaks.Count == 0 ? -1 : peaks.MinBy(p => Math.Abs(p - _beatPosition));
        if (nearest < 0 || Math.Abs(nearest - _beatPosition) > Samples(NearestBeatSeconds))
        {
            nearest = _beatPosition;
            peaks.Add(nearest);
            peaks.Sort();
        }
        int k = peaks.IndexOf(nearest);
        double previous = k > 0 ? (peaks[k] - peaks[k - 1]) / SamplingRate : double.NaN;
        double next = k < peaks.Count - 1 ? (peaks[k + 1] - peaks[k]) / SamplingRate : double.NaN;
        double local = peaks.Count >= 2 ? (peaks[^1] - peaks[0]) / SamplingRate / (peaks.Count - 1) : double.NaN;

        int from = Math.Max(0, nearest - Samples(BeatBeforeSeconds)), to = Math.Min(clean.Length, nearest + Samples(BeatAfterSeconds));
        var waveform = WaveformOffsetsMs
            .Select(ms => nearest + Samples(ms / 1000.0))
            .Select(i => i >= 0 && i < clean.Length ? clean[i] : double.NaN)
            .ToArray();
        return new BeatFeatures(previous, next, local, BeatMeasurement.Measure(clean, nearest, SamplingRate),
            Descriptive.Moments(clean.AsSpan(from, to - from)), waveform);
    }

    private RhythmFeatures DescribeRhythm(float[] clean, int[] peaks)
    {
        var rr = new double[Math.Max(0, peaks.Length - 1)];
        for (int i = 1; i < peaks.Length; i++) rr[i - 1] = (peaks[i] - peaks[i - 1]) / SamplingRate;
        var waves = peaks.Select(p => BeatMeasurement.Measure(clean, p, SamplingRate)).ToArray();
        var (correlationMean, correlationMinimum) = TemplateCorrelation(clean, peaks);
        return new RhythmFeatures(peaks.Length, HeartRateVariability.Of(rr), waves, correlationMean, correlationMinimum,
            Descriptive.Moments(clean).StandardDeviation);
    }

    // How alike the beats are: the correlation of each beat with the mean beat (noise and ectopy lower it).
    private (double Mean, double Minimum) TemplateCorrelation(float[] clean, int[] peaks)
    {
        int before = Samples(TemplateBeforeSeconds), width = before + Samples(TemplateAfterSeconds);
        int[] starts = peaks.Select(p => p - before).Where(s => s >= 0 && s + width <= clean.Length).ToArray();
        if (starts.Length < 2) return (double.NaN, double.NaN);
        var template = new float[width];
        foreach (int start in starts)
            for (int i = 0; i < width; i++) template[i] += clean[start + i] / starts.Length;
        var correlations = starts.Select(start => Descriptive.Correlation(clean.AsSpan(start, width), template)).ToArray();
        return (correlations.Average(), correlations.Min());
    }

    private sealed record BeatFeatures(double RrPrevious, double RrNext, double RrLocal, BeatMeasurement Wave,
        (double Mean, double StandardDeviation, double Skewness, double Kurtosis) Moments, double[] Waveform);

    private sealed record RhythmFeatures(int BeatCount, HeartRateVariability Rr, BeatMeasurement[] Waves,
        double TemplateCorrelationMean, double TemplateCorrelationMinimum, double SignalDeviation)
    {
        public double Median(Func<BeatMeasurement, double> measure)
        {
            var values = Waves.Select(measure).Where(double.IsFinite).ToArray();
            return Descriptive.Median(values);
        }
    }
}
