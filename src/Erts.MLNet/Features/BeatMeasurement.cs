namespace Erts.MLNet.Features;

/// <summary>
/// Wave measurements of one beat on a baseline-free lead (mV), around its R peak. Amplitudes are relative to the
/// isoelectric level just before the QRS onset.
/// </summary>
/// <param name="QrsWidth">QRS duration, s: from onset to offset, where the slope stays below 15 % of its maximum for 10 ms.</param>
/// <param name="RAmplitude">Largest positive deflection in the QRS, mV (0 if none).</param>
/// <param name="SAmplitude">Largest negative deflection in the QRS, mV (0 if none, else negative).</param>
/// <param name="QrsArea">Signed area of the QRS, mV·s.</param>
/// <param name="QrsAbsoluteArea">Area of the QRS's absolute value, mV·s.</param>
/// <param name="MaxSlope">Steepest slope within the QRS, mV/s.</param>
/// <param name="PAmplitude">Extreme (signed) deflection 250-120 ms before the R peak, mV: the P wave when there is one.</param>
/// <param name="TAmplitude">Extreme (signed) deflection 150-400 ms after the R peak, mV: the T wave.</param>
public readonly record struct BeatMeasurement(
    double QrsWidth,
    double RAmplitude,
    double SAmplitude,
    double QrsArea,
    double QrsAbsoluteArea,
    double MaxSlope,
    double PAmplitude,
    double TAmplitude)
{
    private const double SearchSeconds = 0.150;
    private const double QuietSeconds = 0.010;
    private const double QuietSlopeShare = 0.15;
    private const double IsoelectricSeconds = 0.020;

    /// <summary>Peak-to-peak QRS amplitude, mV.</summary>
    public double QrsPeakToPeak => RAmplitude - SAmplitude;

    /// <summary>Measures the beat whose R peak is at <paramref name="rPeak"/> of <paramref name="lead"/>.</summary>
    /// <param name="lead">A baseline-free lead, mV.</param>
    /// <param name="rPeak">Sample index of the R peak.</param>
    /// <param name="samplingRate">Samples per second.</param>
    public static BeatMeasurement Measure(ReadOnlySpan<float> lead, int rPeak, double samplingRate)
    {
        int Samples(double seconds) => Math.Max(1, (int)Math.Round(seconds * samplingRate));
        int search = Samples(SearchSeconds), quiet = Samples(QuietSeconds);
        int from = Math.Max(1, rPeak - search), to = Math.Min(lead.Length - 2, rPeak + search);
        if (to <= from) return new BeatMeasurement(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);

        static double Slope(ReadOnlySpan<float> lead, int i, double rate) => (lead[i + 1] - lead[i - 1]) * rate / 2;
        double maxSlope = 0;
        for (int i = Math.Max(from, rPeak - search / 2); i <= Math.Min(to, rPeak + search / 2); i++) maxSlope = Math.Max(maxSlope, Math.Abs(Slope(lead, i, samplingRate)));
        double quietSlope = QuietSlopeShare * maxSlope;

        // Walk out from the R peak until the slope has stayed low for 10 ms: the QRS onset and offset.
        int onset = from, offset = to;
        for (int i = rPeak, calm = 0; i >= from; i--)
            if ((calm = Math.Abs(Slope(lead, i, samplingRate)) < quietSlope ? calm + 1 : 0) >= quiet) { onset = i + quiet - 1; break; }
        for (int i = rPeak, calm = 0; i <= to; i++)
            if ((calm = Math.Abs(Slope(lead, i, samplingRate)) < quietSlope ? calm + 1 : 0) >= quiet) { offset = i - quiet + 1; break; }

        int isoelectricFrom = Math.Max(0, onset - Samples(IsoelectricSeconds));
        double level = 0;
        for (int i = isoelectricFrom; i <= onset; i++) level += lead[i];
        level /= onset - isoelectricFrom + 1;

        double r = 0, s = 0, area = 0, absoluteArea = 0;
        for (int i = onset; i <= offset; i++)
        {
            double v = lead[i] - level;
            r = Math.Max(r, v);
            s = Math.Min(s, v);
            area += v;
            absoluteArea += Math.Abs(v);
        }
        return new BeatMeasurement(
            (offset - onset) / samplingRate, r, s, area / samplingRate, absoluteArea / samplingRate, maxSlope,
            Extreme(lead, rPeak - Samples(0.250), rPeak - Samples(0.120), level),
            Extreme(lead, rPeak + Samples(0.150), rPeak + Samples(0.400), level));
    }

    // The value of largest magnitude relative to the level in [from, to] (clipped to the lead), NaN when outside it.
    private static double Extreme(ReadOnlySpan<float> lead, int from, int to, double level)
    {
        from = Math.Max(0, from);
        to = Math.Min(lead.Length - 1, to);
        if (to < from) return double.NaN;
        double extreme = 0;
        for (int i = from; i <= to; i++)
            if (Math.Abs(lead[i] - level) > Math.Abs(extreme)) extreme = lead[i] - level;
        return extreme;
    }
}
