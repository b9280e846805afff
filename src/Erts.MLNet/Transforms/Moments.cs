namespace Erts.MLNet.Transforms;

/// <summary>
/// Count, mean and sum of squared deviations of a stream of samples, merged by Chan's formula so that millions of
/// samples with a large offset keep their precision (no sum-of-squares cancellation).
/// </summary>
internal struct Moments
{
    public long Count;
    public double Mean;
    public double SquaredDeviations;

    /// <summary>Population standard deviation (numpy's default, ddof = 0).</summary>
    public readonly double StandardDeviation => Count == 0 ? 0 : Math.Sqrt(SquaredDeviations / Count);

    /// <summary>Mean and population standard deviation of <paramref name="samples"/>.</summary>
    public static (double Mean, double StandardDeviation) Of(ReadOnlySpan<float> samples)
    {
        var moments = default(Moments);
        moments.Add(samples);
        return (moments.Mean, moments.StandardDeviation);
    }

    /// <summary>Adds a block of samples (two passes over the block, then one merge).</summary>
    public void Add(ReadOnlySpan<float> samples)
    {
        if (samples.IsEmpty) return;
        double sum = 0;
        foreach (float x in samples) sum += x;
        double mean = sum / samples.Length, squares = 0;
        foreach (float x in samples) squares += (x - mean) * (x - mean);

        long total = Count + samples.Length;
        double delta = mean - Mean;
        SquaredDeviations += squares + delta * delta * Count * samples.Length / total;
        Mean += delta * samples.Length / total;
        Count = total;
    }
}
