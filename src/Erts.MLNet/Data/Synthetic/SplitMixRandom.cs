namespace Erts.MLNet.Data.Synthetic;

/// <summary>
/// A small, fast, seedable random generator (SplitMix64). Each record gets its own instance seeded from
/// (seed, record index), so any record can be generated alone, in any order or in parallel, with the same result.
/// </summary>
internal sealed class SplitMixRandom
{
    private const int GaussianTableBits = 12;
    private const int GaussianTableMask = (1 << GaussianTableBits) - 1;

    // Muscle noise needs tens of thousands of normal deviates per record; Box-Muller (log, sqrt, sin) would dominate
    // the generation time. Noise does not need exact tails, so a quantile table indexed by 12 random bits is used,
    // five deviates per 64-bit draw.
    private static readonly float[] GaussianTable = BuildGaussianTable();

    private ulong _state;
    private ulong _gaussianBits;
    private int _gaussianBitsLeft;

    public SplitMixRandom(long seed, long stream)
    {
        _state = Mix((ulong)seed) ^ Mix((ulong)stream * 0xD1B54A32D192ED03UL + 0x8CB92BA72F3D8DD7UL);
    }

    /// <summary>An independent generator seeded from this one, so one part of a record can draw without shifting the others.</summary>
    public SplitMixRandom Fork() => new((long)NextUInt64(), stream: 0);

    public ulong NextUInt64()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        return Mix(z);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [min, max).</summary>
    public float Uniform(float min, float max) => (float)(min + (max - min) * NextDouble());

    /// <summary>Uniform integer in [0, count).</summary>
    public int NextInt(int count) => (int)((NextUInt64() >> 33) * (ulong)count >> 31);

    /// <summary>True with probability <paramref name="probability"/>.</summary>
    public bool Chance(double probability) => NextDouble() < probability;

    /// <summary>An exact standard normal deviate (Box-Muller), for the few per-record parameters.</summary>
    public double NextGaussian()
    {
        double u1 = 1.0 - NextDouble();
        double u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>An approximately standard normal deviate (unit variance, tails cut near 3.5), for bulk noise.</summary>
    public float NextGaussianFast()
    {
        if (_gaussianBitsLeft < GaussianTableBits)
        {
            _gaussianBits = NextUInt64();
            _gaussianBitsLeft = 64;
        }
        int index = (int)(_gaussianBits & GaussianTableMask);
        _gaussianBits >>= GaussianTableBits;
        _gaussianBitsLeft -= GaussianTableBits;
        return GaussianTable[index];
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static float[] BuildGaussianTable()
    {
        int size = 1 << GaussianTableBits;
        var table = new double[size];
        for (int i = 0; i < size; i++)
            table[i] = InverseNormal((i + 0.5) / size);
        double rms = Math.Sqrt(table.Sum(v => v * v) / size);
        return table.Select(v => (float)(v / rms)).ToArray();
    }

    /// <summary>Standard normal quantile (Acklam's rational approximation, relative error below 1.2e-9).</summary>
    private static double InverseNormal(double p)
    {
        double[] a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00];
        double[] b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01];
        double[] c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00];
        double[] d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00];
        const double low = 0.02425;
        if (p < low)
        {
            double q = Math.Sqrt(-2 * Math.Log(p));
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        if (p > 1 - low)
            return -InverseNormal(1 - p);
        double r = p - 0.5, s = r * r;
        return (((((a[0] * s + a[1]) * s + a[2]) * s + a[3]) * s + a[4]) * s + a[5]) * r / (((((b[0] * s + b[1]) * s + b[2]) * s + b[3]) * s + b[4]) * s + 1);
    }
}
