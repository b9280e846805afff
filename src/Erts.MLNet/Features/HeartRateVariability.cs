namespace Erts.MLNet.Features;

/// <summary>
/// Time-domain heart-rate variability of a series of RR intervals (Task Force of the ESC and NASPE, 1996) and two
/// irregularity measures used for atrial-fibrillation detection. Every value is NaN when the series is too short
/// to define it.
/// </summary>
/// <param name="Count">RR intervals in the series.</param>
/// <param name="Mean">Mean RR interval, s.</param>
/// <param name="Median">Median RR interval, s.</param>
/// <param name="Minimum">Shortest RR interval, s.</param>
/// <param name="Maximum">Longest RR interval, s.</param>
/// <param name="Sdnn">SDNN: sample standard deviation of the RR intervals, s.</param>
/// <param name="Rmssd">RMSSD: root mean square of successive differences, s.</param>
/// <param name="Pnn50">pNN50: fraction (0-1) of successive differences larger than 50 ms.</param>
/// <param name="CoefficientOfVariation">SDNN / mean RR (dimensionless).</param>
/// <param name="SampleEntropy">Sample entropy (Richman and Moorman, 2000) with m = 2, r = 0.2 SDNN; NaN when no template matches.</param>
/// <param name="IrregularFraction">Fraction (0-1) of successive differences larger than 10 % of the median RR.</param>
public sealed record HeartRateVariability(
    int Count,
    double Mean,
    double Median,
    double Minimum,
    double Maximum,
    double Sdnn,
    double Rmssd,
    double Pnn50,
    double CoefficientOfVariation,
    double SampleEntropy,
    double IrregularFraction)
{
    private const double Nn50Seconds = 0.050;
    private const double IrregularShare = 0.10;
    private const int EmbeddingDimension = 2;
    private const double ToleranceShare = 0.2;

    /// <summary>The measures of <paramref name="rrIntervals"/> (seconds, in time order).</summary>
    /// <param name="rrIntervals">Successive RR intervals in seconds.</param>
    public static HeartRateVariability Of(ReadOnlySpan<double> rrIntervals)
    {
        int n = rrIntervals.Length;
        double mean = Descriptive.Mean(rrIntervals), median = Descriptive.Median(rrIntervals), sdnn = Descriptive.StandardDeviation(rrIntervals);
        double squares = 0;
        int nn50 = 0, irregular = 0;
        for (int i = 1; i < n; i++)
        {
            double difference = Math.Abs(rrIntervals[i] - rrIntervals[i - 1]);
            squares += difference * difference;
            if (difference > Nn50Seconds) nn50++;
            if (difference > IrregularShare * median) irregular++;
        }
        bool hasDifferences = n >= 2;
        return new HeartRateVariability(
            n, mean, median,
            n == 0 ? double.NaN : Min(rrIntervals),
            n == 0 ? double.NaN : Max(rrIntervals),
            sdnn,
            hasDifferences ? Math.Sqrt(squares / (n - 1)) : double.NaN,
            hasDifferences ? (double)nn50 / (n - 1) : double.NaN,
            sdnn / mean,
            SampleEntropyOf(rrIntervals, EmbeddingDimension, ToleranceShare * sdnn),
            hasDifferences ? (double)irregular / (n - 1) : double.NaN);
    }

    /// <summary>
    /// Sample entropy -ln(A / B): B counts pairs of length-m templates within <paramref name="tolerance"/>
    /// (Chebyshev distance), A those still within it at length m + 1; self-matches excluded. O(n²), for RR series.
    /// </summary>
    internal static double SampleEntropyOf(ReadOnlySpan<double> series, int m, double tolerance)
    {
        int templates = series.Length - m;
        if (templates < 2 || !(tolerance > 0)) return double.NaN;
        long shorter = 0, longer = 0;
        for (int i = 0; i < templates; i++)
        {
            for (int j = i + 1; j < templates; j++)
            {
                bool match = true;
                for (int k = 0; k < m && match; k++) match = Math.Abs(series[i + k] - series[j + k]) <= tolerance;
                if (!match) continue;
                shorter++;
                if (Math.Abs(series[i + m] - series[j + m]) <= tolerance) longer++;
            }
        }
        return shorter == 0 || longer == 0 ? double.NaN : -Math.Log((double)longer / shorter);
    }

    private static double Min(ReadOnlySpan<double> values)
    {
        double min = double.PositiveInfinity;
        foreach (double v in values) min = Math.Min(min, v);
        return min;
    }

    private static double Max(ReadOnlySpan<double> values)
    {
        double max = double.NegativeInfinity;
        foreach (double v in values) max = Math.Max(max, v);
        return max;
    }
}
