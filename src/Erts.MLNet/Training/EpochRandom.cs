namespace Erts.MLNet.Training;

/// <summary>
/// Seeded <see cref="Random"/> streams keyed by (seed, stream, epoch). An epoch's randomness depends on these three
/// numbers only, so a run resumed at an epoch boundary draws exactly what the uninterrupted run drew, and there is
/// no generator state to save (<see cref="Random"/>'s cannot be).
/// </summary>
internal static class EpochRandom
{
    /// <summary>The independent uses of randomness in training; each gets its own stream.</summary>
    public enum Stream
    {
        /// <summary>The order of the training rows.</summary>
        Shuffle,

        /// <summary>Random selection policies (SMRD, SRD).</summary>
        Policy,
    }

    /// <summary>A generator for one stream of one epoch.</summary>
    public static Random Create(int seed, Stream stream, int epoch) => new(Mix(seed, (int)stream, epoch));

    // SplitMix64's finaliser over the packed key: neighbouring seeds and epochs give unrelated System.Random seeds.
    private static int Mix(int seed, int stream, int epoch)
    {
        ulong z = ((ulong)(uint)seed << 32 | (uint)epoch) ^ ((ulong)(uint)stream * 0x9E3779B97F4A7C15UL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (int)(z >> 33); // 31 bits: a non-negative int, as Random(int) wants
    }
}
