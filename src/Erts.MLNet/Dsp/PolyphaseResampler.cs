using System.Numerics;

namespace Erts.MLNet.Dsp;

/// <summary>
/// Resamples by a rational factor <c>Up/Down</c> with an anti-aliasing FIR filter applied in polyphase form, computing
/// exactly what <c>scipy.signal.resample_poly(x, up, down)</c> computes with its defaults: a Kaiser-windowed (beta 5)
/// low-pass of cutoff <c>1/max(up, down)</c> of the Nyquist rate, <c>10 * max(up, down)</c> taps either side of the
/// centre, and zeros beyond both ends of the input.
/// </summary>
/// <remarks>
/// Output sample <c>m</c> sits at input time <c>m * Down / Up</c>; it is the dot product of one precomputed phase of
/// the filter (about <c>21 * max(up, down) / up</c> taps) with consecutive input samples, so nothing is ever
/// multiplied by the zeros that an upsample-then-filter implementation inserts. Instances are immutable and thread-safe.
/// </remarks>
public sealed class PolyphaseResampler
{
    /// <summary>The Kaiser window parameter SciPy's <c>resample_poly</c> uses by default.</summary>
    public const double DefaultKaiserBeta = 5.0;

    /// <summary>Largest reduced up or down factor accepted (the filter grows linearly with it).</summary>
    public const int MaxFactor = 1000;

    private readonly float[][] _phases;   // _phases[p][j]: taps of phase p, reversed so they run forward in time
    private readonly int _halfLength;

    /// <summary>Creates a resampler for the factor <paramref name="up"/>/<paramref name="down"/> (reduced by their gcd).</summary>
    /// <param name="up">Upsampling factor, 1 to <see cref="MaxFactor"/> after reduction.</param>
    /// <param name="down">Downsampling factor, 1 to <see cref="MaxFactor"/> after reduction.</param>
    /// <param name="kaiserBeta">Kaiser window parameter of the anti-aliasing filter (SciPy default 5.0).</param>
    /// <exception cref="ArgumentOutOfRangeException">A factor is not positive or exceeds <see cref="MaxFactor"/> after reduction.</exception>
    public PolyphaseResampler(int up, int down, double kaiserBeta = DefaultKaiserBeta)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(up);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(down);
        int divisor = (int)BigInteger.GreatestCommonDivisor(up, down);
        Up = up / divisor;
        Down = down / divisor;
        if (Up > MaxFactor || Down > MaxFactor)
            throw new ArgumentOutOfRangeException(nameof(up), $"the reduced factor {Up}/{Down} has a term above {MaxFactor}; its filter would be impractically long");

        int maxRate = Math.Max(Up, Down);
        _halfLength = 10 * maxRate;
        double[] filter = KaiserLowPass(2 * _halfLength + 1, 1.0 / maxRate, kaiserBeta);
        _phases = SplitIntoPhases(filter, Up);
    }

    /// <summary>Reduced upsampling factor.</summary>
    public int Up { get; }

    /// <summary>Reduced downsampling factor.</summary>
    public int Down { get; }

    /// <summary>
    /// A resampler from <paramref name="sourceRate"/> to <paramref name="targetRate"/> (Hz), e.g. 360 to 250 is 25/36.
    /// Rates are matched as exact ratios of their values to three decimals.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A rate is not positive and finite, or their ratio needs a factor above <see cref="MaxFactor"/>.</exception>
    public static PolyphaseResampler ForRates(double sourceRate, double targetRate)
    {
        if (!(sourceRate > 0) || !double.IsFinite(sourceRate))
            throw new ArgumentOutOfRangeException(nameof(sourceRate), sourceRate, "the source sampling rate must be a positive finite number of Hz");
        if (!(targetRate > 0) || !double.IsFinite(targetRate))
            throw new ArgumentOutOfRangeException(nameof(targetRate), targetRate, "the target sampling rate must be a positive finite number of Hz");
        long up = (long)Math.Round(targetRate * 1000), down = (long)Math.Round(sourceRate * 1000);
        long divisor = (long)BigInteger.GreatestCommonDivisor(up, down);
        up /= divisor;
        down /= divisor;
        if (up > MaxFactor || down > MaxFactor)
            throw new ArgumentOutOfRangeException(nameof(targetRate), targetRate,
                $"resampling {sourceRate} Hz to {targetRate} Hz needs the factor {up}/{down}, above the limit of {MaxFactor}");
        return new PolyphaseResampler((int)up, (int)down);
    }

    /// <summary>Output length for <paramref name="inputLength"/> input samples: <c>ceil(inputLength * Up / Down)</c>.</summary>
    public int OutputLength(int inputLength) => (int)(((long)inputLength * Up + Down - 1) / Down);

    /// <summary>Resamples <paramref name="input"/> into <paramref name="output"/>, which must hold <see cref="OutputLength"/> samples.</summary>
    /// <exception cref="ArgumentException"><paramref name="output"/> has the wrong length.</exception>
    public void Process(ReadOnlySpan<float> input, Span<float> output)
    {
        int expected = OutputLength(input.Length);
        if (output.Length != expected)
            throw new ArgumentException($"output holds {output.Length} samples; resampling {input.Length} by {Up}/{Down} gives {expected}", nameof(output));

        int taps = _phases[0].Length;
        for (int m = 0; m < output.Length; m++)
        {
            // In the upsampled time base the filter centre of output m is at m*Down + halfLength.
            long position = (long)m * Down + _halfLength;
            int phase = (int)(position % Up);
            int first = (int)(position / Up) - taps + 1;   // input index multiplied by the first tap of the phase
            float[] coefficients = _phases[phase];
            output[m] = first >= 0 && first + taps <= input.Length
                ? Dot(coefficients, input.Slice(first, taps))
                : DotClipped(coefficients, input, first);
        }
    }

    // firwin(numtaps, cutoff, window=('kaiser', beta)) of SciPy: windowed sinc scaled to unit gain at DC, times Up so
    // that the zero-stuffed upsampled signal keeps its amplitude.
    private double[] KaiserLowPass(int length, double cutoff, double beta)
    {
        float[] window = NWaves.Windows.Window.Kaiser(length, beta);
        var h = new double[length];
        double centre = (length - 1) / 2.0, sum = 0;
        for (int n = 0; n < length; n++)
        {
            double t = cutoff * (n - centre);
            double sinc = t == 0 ? 1 : Math.Sin(Math.PI * t) / (Math.PI * t);
            h[n] = cutoff * sinc * window[n];
            sum += h[n];
        }
        for (int n = 0; n < length; n++) h[n] *= Up / sum;
        return h;
    }

    private static float[][] SplitIntoPhases(double[] filter, int up)
    {
        int taps = (filter.Length + up - 1) / up;
        var phases = new float[up][];
        for (int p = 0; p < up; p++)
        {
            phases[p] = new float[taps];
            for (int k = 0; k < taps; k++)
            {
                int index = p + k * up;   // tap k of phase p multiplies the input k samples before the newest one
                if (index < filter.Length) phases[p][taps - 1 - k] = (float)filter[index];
            }
        }
        return phases;
    }

    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        int i = 0;
        float sum = 0;
        if (Vector.IsHardwareAccelerated && a.Length >= Vector<float>.Count)
        {
            var acc = Vector<float>.Zero;
            for (; i <= a.Length - Vector<float>.Count; i += Vector<float>.Count)
                acc += new Vector<float>(a.Slice(i)) * new Vector<float>(b.Slice(i));
            sum = Vector.Sum(acc);
        }
        for (; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }

    // Near the edges part of the window falls outside the input, where SciPy pads with zeros.
    private static float DotClipped(float[] coefficients, ReadOnlySpan<float> input, int first)
    {
        int from = Math.Max(0, -first), to = Math.Min(coefficients.Length, input.Length - first);
        return from >= to ? 0f : Dot(coefficients.AsSpan(from, to - from), input.Slice(first + from, to - from));
    }
}
