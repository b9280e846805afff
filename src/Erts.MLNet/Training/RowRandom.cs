namespace Erts.MLNet.Training;

/// <summary>
/// A small counter-based generator for one training row in one epoch: its stream is a function of (seed, epoch,
/// row) alone, so the window and augmentation a row gets do not depend on batch order, on which rows a policy
/// skipped, or on whether the run was resumed (there is no state to save).
/// </summary>
internal struct RowRandom
{
    private ulong _state;

    /// <summary>The stream of <paramref name="row"/> in <paramref name="epoch"/> of a run seeded <paramref name="seed"/>.</summary>
    public RowRandom(int seed, int epoch, int row) =>
        _state = Mix(((ulong)(uint)seed << 32 | (uint)epoch) ^ Mix((ulong)(uint)row + 0x632BE59BD9B4E019UL));

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [0, <paramref name="count"/>).</summary>
    public int NextInt(int count) => (int)(NextDouble() * count);

    /// <summary>Standard normal (Box-Muller; one of the pair is discarded, which keeps the stream simple).</summary>
    public double NextGaussian()
    {
        double u = 1.0 - NextDouble(), v = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2.0 * Math.PI * v);
    }

    // SplitMix64: an additive counter through its finaliser.
    private ulong Next()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
