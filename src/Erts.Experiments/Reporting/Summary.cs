namespace Erts.Experiments.Reporting;

/// <summary>Mean and sample standard deviation of a handful of values (one per seed).</summary>
/// <param name="Mean">Arithmetic mean.</param>
/// <param name="StandardDeviation">Sample standard deviation (n − 1); NaN for a single value.</param>
/// <param name="Count">Values.</param>
public readonly record struct Summary(double Mean, double StandardDeviation, int Count)
{
    /// <summary>Summarises <paramref name="values"/> (at least one).</summary>
    public static Summary Of(IEnumerable<double> values)
    {
        var list = values.ToList();
        if (list.Count == 0) return new Summary(double.NaN, double.NaN, 0);
        double mean = list.Average();
        double variance = list.Count < 2 ? double.NaN : list.Sum(v => (v - mean) * (v - mean)) / (list.Count - 1);
        return new Summary(mean, Math.Sqrt(variance), list.Count);
    }

    /// <summary>"0.812 ± 0.014", or "0.812" for one value.</summary>
    public string Format(string format) =>
        Count == 0 ? "—" : double.IsNaN(StandardDeviation) ? Mean.ToString(format, System.Globalization.CultureInfo.InvariantCulture)
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Mean.ToString(format, System.Globalization.CultureInfo.InvariantCulture)} ± {StandardDeviation.ToString(format, System.Globalization.CultureInfo.InvariantCulture)}");
}
