using Erts.MLNet.Features;
using Erts.MLNet.Transforms;
using Microsoft.ML;

namespace Erts.MLNet.Catalog;

/// <summary>
/// The ECG transforms, reached as <c>mlContext.Transforms.Ecg</c> like ML.NET's own <c>mlContext.Transforms.Text</c>.
/// Every transform reads a signal column of the ECG IDataView convention (a known-size <c>Single</c> vector of
/// leads x samples with <c>LeadNames</c> and <c>SamplingRate</c> annotations) and writes one of the same convention,
/// by default replacing it (<c>outputColumnName</c> "Signal", <c>inputColumnName</c> null = the output's name).
/// In a view of whole records of different lengths (an Int32 <c>SignalLength</c> column, zero padding after each
/// record) every transform processes each row's record only and writes zeros after it; <c>Resample</c> and a shortening
/// <c>CropOrPad</c> replace <c>SignalLength</c> with the new lengths, so they must then write in place.
/// </summary>
/// <example><code>
/// var pipeline = mlContext.Transforms.Ecg.HandleNonFinite()
///     .Append(mlContext.Transforms.Ecg.SelectLeads(["II", "V1"]))
///     .Append(mlContext.Transforms.Ecg.BandPass(0.5, 40))
///     .Append(mlContext.Transforms.Ecg.Notch(50))
///     .Append(mlContext.Transforms.Ecg.Resample(250))
///     .Append(mlContext.Transforms.Ecg.CropOrPad(2500, CropMode.Random, seed: 42))
///     .Append(mlContext.Transforms.Ecg.NormalizeLeads());
/// </code></example>
public sealed class EcgTransformsCatalog
{
    /// <summary>The default signal column.</summary>
    public const string DefaultColumnName = "Signal";

    /// <summary>The default column of <see cref="ExtractFeatures"/>, ML.NET trainers' default feature column.</summary>
    public const string DefaultFeaturesColumnName = "Features";

    internal EcgTransformsCatalog()
    {
    }

    /// <summary>
    /// Resamples every lead to <paramref name="targetRate"/> Hz (anti-aliased polyphase, as SciPy's <c>resample_poly</c>);
    /// in place, the per-row <c>SamplingRate</c> column (when present) becomes the target rate too.
    /// </summary>
    /// <param name="targetRate">Output sampling rate in Hz, e.g. 250; the ratio to the input rate must reduce to factors of at most 1000.</param>
    /// <param name="outputColumnName">Column written.</param>
    /// <param name="inputColumnName">Column read; null reads <paramref name="outputColumnName"/>. Needs the <c>SamplingRate</c> annotation.</param>
    public SignalEstimator<ResampleTransformer> Resample(float targetRate, string outputColumnName = DefaultColumnName, string? inputColumnName = null) =>
        new(new ResampleTransformer(targetRate, outputColumnName, inputColumnName));

    /// <summary>Z-scores every lead, per record (the paper) or with statistics fitted on the training set.</summary>
    /// <param name="scope">Per record, or fitted per lead over the dataset (saved with the model).</param>
    /// <param name="epsilon">Added to the standard deviation; default 1e-8.</param>
    /// <param name="outputColumnName">Column written.</param>
    /// <param name="inputColumnName">Column read; null reads <paramref name="outputColumnName"/>.</param>
    public LeadNormalizingEstimator NormalizeLeads(LeadNormalizationScope scope = LeadNormalizingEstimator.Defaults.Scope,
        float epsilon = LeadNormalizingEstimator.Defaults.Epsilon, string outputColumnName = DefaultColumnName, string? inputColumnName = null) =>
        new(scope, epsilon, outputColumnName, inputColumnName);

    /// <summary>Zero-phase Butterworth band-pass of every lead (<c>butter</c> + <c>filtfilt</c>), e.g. 0.5-40 Hz.</summary>
    /// <param name="lowCutoff">Lower -3 dB frequency, Hz (above 0).</param>
    /// <param name="highCutoff">Upper -3 dB frequency, Hz (below half the sampling rate).</param>
    /// <param name="order">Prototype order, 1 to 10; default 2.</param>
    /// <param name="outputColumnName">Column written.</param>
    /// <param name="inputColumnName">Column read; null reads <paramref name="outputColumnName"/>. Needs the <c>SamplingRate</c> annotation.</param>
    public SignalEstimator<ButterworthFilterTransformer> BandPass(double lowCutoff = ButterworthFilterTransformer.Defaults.LowCutoff,
        double highCutoff = ButterworthFilterTransformer.Defaults.HighCutoff, int order = ButterworthFilterTransformer.Defaults.Order,
        string outputColumnName = DefaultColumnName, string? inputColumnName = null) =>
        new(new ButterworthFilterTransformer(lowCutoff, highCutoff, order, outputColumnName, inputColumnName));

    /// <summary>Removes baseline wander with a zero-phase Butterworth high-pass at <paramref name="cutoff"/> Hz.</summary>
    /// <param name="cutoff">-3 dB frequency, Hz; default 0.5.</param>
    /// <param name="order">Prototype order, 1 to 10; default 2.</param>
    /// <param name="outputColumnName">Column written.</param>
    /// <param name="inputColumnName">Column read; null reads <paramref name="outputColumnName"/>. Needs the <c>SamplingRate</c> annotation.</param>
    public SignalEstimator<ButterworthFilterTransformer> RemoveBaselineWander(double cutoff = ButterworthFilterTransformer.Defaults.LowCutoff,
        int order = ButterworthFilterTransformer.Defaults.Order, string outputColumnName = DefaultColumnName, string? inputColumnName = null) =>
        new(new ButterworthFilterTransformer(cutoff, null, order, outputColumnName, inputColumnName));

    /// <summary>Removes mains hum with a zero-phase notch (<c>iirnotch</c> + <c>filtfilt</c>).</summary>
    /// <param name="frequency">Mains frequency, Hz: 50 (default) or 60.</param>
    /// <param name="quality">Centre frequency over -3 dB bandwidth; default 30.</param>
    /// <param name="outputColumnName">Column written.</param>
    /// <param name="inputColumnName">Column read; null reads <paramref name="outputColumnName"/>. Needs the <c>SamplingRate</c> annotation.</param>
    public SignalEstimator<NotchFilterTransformer> Notch(double frequency = NotchFilterTransformer.Defaults.Frequency,
        double quality = NotchFilterTransformer.Defaults.Quality, string outputColumnName = DefaultColumnName, string? inputColumnName = null) =>
        new(new NotchFilterTransformer(frequency, quality, outputColumnName, inputColumnName));

    /// <summary>Crops or zero-pads every record to <paramref name="length"/> samples per lead.</summary>
    /// <param name="length">Output samples per lead (positive).</param>
    /// <param name="mode">Which window a longer record keeps; <see cref="CropMode.Random"/> is for training only.</param>
    /// <param name="seed">Seed of the random windows.</param>
    /// <param name="outputColumnName">Column written.</param>
    /// <param name="inputColumnName">Column read; null reads <paramref name="outputColumnName"/>.</param>
    public SignalEstimator<CropOrPadTransformer> CropOrPad(int length, CropMode mode = CropMode.Start, int seed = 0,
        string outputColumnName = DefaultColumnName, string? inputColumnName = null) =>
        new(new CropOrPadTransformer(length, mode, seed, outputColumnName, inputColumnName));

    /// <summary>Keeps the named leads in the given order (matched case-insensitively against the <c>LeadNames</c> annotation).</summary>
    /// <param name="leadNames">Leads to keep, e.g. ["II", "V1"]; each at most once.</param>
    /// <param name="outputColumnName">Column written.</param>
    /// <param name="inputColumnName">Column read; null reads <paramref name="outputColumnName"/>. Needs the <c>LeadNames</c> annotation.</param>
    public SignalEstimator<SelectLeadsTransformer> SelectLeads(IReadOnlyList<string> leadNames,
        string outputColumnName = DefaultColumnName, string? inputColumnName = null) =>
        new(new SelectLeadsTransformer(leadNames, outputColumnName, inputColumnName));

    /// <summary>Replaces NaN and infinities (default: with 0, as the paper) or fails naming the row and lead.</summary>
    /// <param name="policy">Replace, or fail with a <see cref="NonFiniteSignalException"/>.</param>
    /// <param name="replacement">Value written under <see cref="NonFinitePolicy.Replace"/>; finite.</param>
    /// <param name="outputColumnName">Column written.</param>
    /// <param name="inputColumnName">Column read; null reads <paramref name="outputColumnName"/>.</param>
    public SignalEstimator<NonFiniteTransformer> HandleNonFinite(NonFinitePolicy policy = NonFinitePolicy.Replace, float replacement = 0,
        string outputColumnName = DefaultColumnName, string? inputColumnName = null) =>
        new(new NonFiniteTransformer(policy, replacement, outputColumnName, inputColumnName));

    /// <summary>
    /// Hand-made ECG features for classic trainers (FastTree): R peaks (Pan-Tompkins filtering, Hamilton-Tompkins
    /// rules) on one lead, then RR intervals, QRS width, amplitudes and morphology of one beat
    /// (<see cref="EcgFeatureSet.Beat"/>), or heart-rate variability and median morphology of a strip
    /// (<see cref="EcgFeatureSet.Rhythm"/>), into a <c>Single</c> vector with <c>SlotNames</c>; NaN where undefined.
    /// ML.NET trainers skip rows with a NaN feature, so follow it with <c>ReplaceMissingValues</c> as in the example.
    /// </summary>
    /// <param name="featureSet">Beat (a window around one beat) or rhythm (a strip) features; default rhythm.</param>
    /// <param name="leadName">Lead analysed, matched against <c>LeadNames</c>; null (default) for the first lead.</param>
    /// <param name="beatPositionSeconds">Beat features: the described beat's R peak, seconds from the window's start
    /// (e.g. <c>MitBeatDatabase.Options.WindowBefore</c>); null (default) for the window's centre.</param>
    /// <param name="outputColumnName">Column written; default "Features".</param>
    /// <param name="inputColumnName">Signal column read; default "Signal". Needs the <c>SamplingRate</c> annotation.</param>
    /// <example><code>
    /// var pipeline = mlContext.Transforms.Ecg.ExtractFeatures(EcgFeatureSet.Rhythm)
    ///     .Append(mlContext.Transforms.ReplaceMissingValues("Features"))
    ///     .Append(mlContext.Transforms.Conversion.MapValueToKey("Label"))
    ///     .Append(mlContext.MulticlassClassification.Trainers.OneVersusAll(mlContext.BinaryClassification.Trainers.FastTree()));
    /// </code></example>
    public SignalEstimator<EcgFeatureTransformer> ExtractFeatures(EcgFeatureSet featureSet = EcgFeatureSet.Rhythm, string? leadName = null,
        double? beatPositionSeconds = null, string outputColumnName = DefaultFeaturesColumnName, string inputColumnName = DefaultColumnName) =>
        new(new EcgFeatureTransformer(featureSet, leadName, beatPositionSeconds, outputColumnName, inputColumnName));
}

/// <summary>Adds <c>Ecg</c> to <c>mlContext.Transforms</c>.</summary>
public static class EcgTransformsCatalogExtensions
{
    /// <summary>Extends ML.NET's transforms catalog.</summary>
    /// <param name="catalog">The catalog, <c>mlContext.Transforms</c>.</param>
    extension(TransformsCatalog catalog)
    {
        /// <summary>The ECG transforms: resample, filter, normalise, crop or pad, select leads, handle NaN, extract features.</summary>
        public EcgTransformsCatalog Ecg => new();
    }
}
