namespace Erts.Benchmarks;

/// <summary>Summaries of repeated timings on a shared, noisy machine.</summary>
internal static class RunStatistics
{
    /// <summary>The median (mean of the two middle values for an even count).</summary>
    /// <exception cref="ArgumentException">No values.</exception>
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0) throw new ArgumentException("The median of no values is undefined.", nameof(values));
        int middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
