namespace Erts.MLNet.Features;

/// <summary>Descriptive statistics of short sequences (RR series, beat windows); NaN when undefined.</summary>
internal static class Descriptive
{
    public static double Mean(ReadOnlySpan<double> values)
    {
        if (values.IsEmpty) return double.NaN;
        double sum = 0;
        foreach (double v in values) sum += v;
        return sum / values.Length;
    }

    /// <summary>Sample standard deviation (n - 1), as HRV guidelines define SDNN; NaN below two values.</summary>
    public static double StandardDeviation(ReadOnlySpan<double> values)
    {
        if (values.Length < 2) return double.NaN;
        double mean = Mean(values), squares = 0;
        foreach (double v in values) squares += (v - mean) * (v - mean);
        return Math.Sqrt(squares / (values.Length - 1));
    }

    /// <summary>The <paramref name="fraction"/> quantile with linear interpolation (numpy's default).</summary>
    public static double Quantile(ReadOnlySpan<double> values, double fraction)
    {
        if (values.IsEmpty) return double.NaN;
        double[] sorted = values.ToArray();
        Array.Sort(sorted);
        double position = fraction * (sorted.Length - 1);
        int below = (int)Math.Floor(position);
        int above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    public static double Median(ReadOnlySpan<double> values) => Quantile(values, 0.5);

    /// <summary>Mean, population standard deviation, skewness and excess kurtosis of a signal stretch.</summary>
    public static (double Mean, double StandardDeviation, double Skewness, double Kurtosis) Moments(ReadOnlySpan<float> values)
    {
        if (values.IsEmpty) return (double.NaN, double.NaN, double.NaN, double.NaN);
        double sum = 0;
        foreach (float v in values) sum += v;
        double mean = sum / values.Length, m2 = 0, m3 = 0, m4 = 0;
        foreach (float v in values)
        {
            double d = v - mean, d2 = d * d;
            m2 += d2;
            m3 += d2 * d;
            m4 += d2 * d2;
        }
        m2 /= values.Length;
        m3 /= values.Length;
        m4 /= values.Length;
        // A flat stretch has no shape: report zero skewness and kurtosis rather than 0/0.
        bool flat = m2 < 1e-12;
        return (mean, Math.Sqrt(m2), flat ? 0 : m3 / Math.Pow(m2, 1.5), flat ? 0 : m4 / (m2 * m2) - 3);
    }

    /// <summary>Pearson correlation of two equally long stretches; 0 when either is flat.</summary>
    public static double Correlation(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        double meanA = 0, meanB = 0;
        for (int i = 0; i < a.Length; i++)
        {
            meanA += a[i];
            meanB += b[i];
        }
        meanA /= a.Length;
        meanB /= a.Length;
        double ab = 0, aa = 0, bb = 0;
        for (int i = 0; i < a.Length; i++)
        {
            double da = a[i] - meanA, db = b[i] - meanB;
            ab += da * db;
            aa += da * da;
            bb += db * db;
        }
        return aa < 1e-12 || bb < 1e-12 ? 0 : ab / Math.Sqrt(aa * bb);
    }
}
