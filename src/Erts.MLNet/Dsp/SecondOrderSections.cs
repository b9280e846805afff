using System.Buffers;
using System.Numerics;

namespace Erts.MLNet.Dsp;

/// <summary>
/// A digital IIR filter as a cascade of second-order sections (biquads), the numerically stable form for the low
/// cutoffs of ECG work (0.5 Hz at 500 Hz puts poles within 0.01 of the unit circle, where a single high-order
/// polynomial loses most of its digits). Runs forward-backward (zero phase) exactly as SciPy's <c>filtfilt</c>.
/// </summary>
/// <remarks>Immutable and thread-safe; filtering works in double precision.</remarks>
public sealed class SecondOrderSections
{
    private const int Stride = 5;          // b0 b1 b2 a1 a2 per section, a0 normalised to 1
    private readonly double[] _coefficients;
    private readonly double[] _steadyState; // per section: z1 z2 for a unit constant input to the whole cascade

    /// <summary>Creates a cascade from sections given as <c>(b0, b1, b2, a0, a1, a2)</c>, as in SciPy's <c>sos</c> rows.</summary>
    /// <exception cref="ArgumentException">No sections, or a section with <c>a0 = 0</c> or a pole on the unit circle at DC.</exception>
    public SecondOrderSections(IReadOnlyList<(double B0, double B1, double B2, double A0, double A1, double A2)> sections)
    {
        if (sections.Count == 0) throw new ArgumentException("a filter needs at least one section", nameof(sections));
        _coefficients = new double[sections.Count * Stride];
        for (int s = 0; s < sections.Count; s++)
        {
            var (b0, b1, b2, a0, a1, a2) = sections[s];
            if (a0 == 0) throw new ArgumentException($"section {s} has a0 = 0", nameof(sections));
            _coefficients[s * Stride] = b0 / a0;
            _coefficients[s * Stride + 1] = b1 / a0;
            _coefficients[s * Stride + 2] = b2 / a0;
            _coefficients[s * Stride + 3] = a1 / a0;
            _coefficients[s * Stride + 4] = a2 / a0;
            Order += b2 == 0 && a2 == 0 ? 1 : 2;
        }
        _steadyState = SteadyState(_coefficients);
    }

    /// <summary>Number of sections.</summary>
    public int SectionCount => _coefficients.Length / Stride;

    /// <summary>Order of the whole filter (the degree of its transfer function's denominator).</summary>
    public int Order { get; }

    /// <summary>
    /// Samples mirrored at each end by <see cref="FilterZeroPhase"/>: SciPy <c>filtfilt</c>'s default
    /// <c>3 * max(len(a), len(b))</c>, i.e. <c>3 * (Order + 1)</c>. The signal must be longer than this.
    /// </summary>
    public int PadLength => 3 * (Order + 1);

    /// <summary>Coefficients of section <paramref name="section"/> as <c>(b0, b1, b2, 1, a1, a2)</c>.</summary>
    public (double B0, double B1, double B2, double A0, double A1, double A2) Section(int section)
    {
        var c = _coefficients.AsSpan(section * Stride, Stride);
        return (c[0], c[1], c[2], 1, c[3], c[4]);
    }

    /// <summary>Magnitude of the frequency response at <paramref name="omega"/> radians per sample (0 to pi).</summary>
    public double Magnitude(double omega)
    {
        var z1 = Complex.FromPolarCoordinates(1, -omega);
        var z2 = z1 * z1;
        Complex response = 1;
        for (int s = 0; s < SectionCount; s++)
        {
            var c = _coefficients.AsSpan(s * Stride, Stride);
            response *= (c[0] + c[1] * z1 + c[2] * z2) / (1 + c[3] * z1 + c[4] * z2);
        }
        return response.Magnitude;
    }

    /// <summary>The same filter with its gain multiplied by <paramref name="factor"/> (applied to the first section).</summary>
    public SecondOrderSections Scaled(double factor)
    {
        var sections = Enumerable.Range(0, SectionCount).Select(Section).ToArray();
        var (b0, b1, b2, a0, a1, a2) = sections[0];
        sections[0] = (b0 * factor, b1 * factor, b2 * factor, a0, a1, a2);
        return new SecondOrderSections(sections);
    }

    /// <summary>
    /// Zero-phase filtering as <c>scipy.signal.filtfilt(b, a, x)</c> with its defaults: the signal is extended by
    /// <see cref="PadLength"/> samples of odd reflection at both ends, filtered forward from the steady state of its
    /// first sample, then backward from the steady state of the last output, and the extension is cut off.
    /// </summary>
    /// <param name="input">The signal; longer than <see cref="PadLength"/>.</param>
    /// <param name="output">Receives the filtered signal; same length as <paramref name="input"/> (may be the same memory).</param>
    /// <exception cref="ArgumentException">The signal is too short, or the lengths differ.</exception>
    public void FilterZeroPhase(ReadOnlySpan<float> input, Span<float> output)
    {
        int n = input.Length, pad = PadLength;
        if (n <= pad)
            throw new ArgumentException($"zero-phase filtering of order {Order} needs more than {pad} samples; the signal has {n}", nameof(input));
        if (output.Length != n)
            throw new ArgumentException($"output holds {output.Length} samples, the input {n}", nameof(output));

        double[] rented = ArrayPool<double>.Shared.Rent(n + 2 * pad);
        try
        {
            var extended = rented.AsSpan(0, n + 2 * pad);
            double first = input[0], last = input[n - 1];
            for (int k = 1; k <= pad; k++)
            {
                extended[pad - k] = 2 * first - input[k];
                extended[pad + n - 1 + k] = 2 * last - input[n - 1 - k];
            }
            for (int i = 0; i < n; i++) extended[pad + i] = input[i];

            RunCascade(extended, reverse: false);
            RunCascade(extended, reverse: true);

            for (int i = 0; i < n; i++) output[i] = (float)extended[pad + i];
        }
        finally
        {
            ArrayPool<double>.Shared.Return(rented);
        }
    }

    // Direct form II transposed, one section at a time over the whole buffer (in place), each section starting in the
    // steady state for a constant input equal to the cascade's first input sample (SciPy's sosfilt_zi * x0).
    private void RunCascade(Span<double> signal, bool reverse)
    {
        double x0 = reverse ? signal[^1] : signal[0];
        int n = signal.Length;
        for (int s = 0; s < SectionCount; s++)
        {
            var c = _coefficients.AsSpan(s * Stride, Stride);
            double b0 = c[0], b1 = c[1], b2 = c[2], a1 = c[3], a2 = c[4];
            double z1 = _steadyState[2 * s] * x0, z2 = _steadyState[2 * s + 1] * x0;
            // Two loops rather than one with a direction test: this loop is the whole cost of filtering.
            if (reverse)
            {
                for (int i = n - 1; i >= 0; i--)
                {
                    double x = signal[i], y = b0 * x + z1;
                    z1 = b1 * x - a1 * y + z2;
                    z2 = b2 * x - a2 * y;
                    signal[i] = y;
                }
            }
            else
            {
                for (int i = 0; i < n; i++)
                {
                    double x = signal[i], y = b0 * x + z1;
                    z1 = b1 * x - a1 * y + z2;
                    z2 = b2 * x - a2 * y;
                    signal[i] = y;
                }
            }
        }
    }

    // SciPy's sosfilt_zi: each section's lfilter_zi, scaled by the DC gain of the sections before it.
    private static double[] SteadyState(double[] coefficients)
    {
        int sections = coefficients.Length / Stride;
        var state = new double[2 * sections];
        double scale = 1;
        for (int s = 0; s < sections; s++)
        {
            var c = coefficients.AsSpan(s * Stride, Stride);
            double gain = (c[0] + c[1] + c[2]) / (1 + c[3] + c[4]);
            state[2 * s] = scale * (gain - c[0]);
            state[2 * s + 1] = scale * (c[2] - c[4] * gain);
            scale *= gain;
        }
        return state;
    }
}
