namespace Erts.MLNet.Data.Synthetic;

/// <summary>Fills sine and cosine tables by rotating a phasor, one complex multiplication per sample instead of two trig calls.</summary>
internal static class Oscillator
{
    /// <summary>Writes sin(2 pi f n / fs) and cos(2 pi f n / fs) for n = 0 .. length - 1.</summary>
    public static void Fill(Span<float> sine, Span<float> cosine, double frequency, double samplingRate)
    {
        double step = 2.0 * Math.PI * frequency / samplingRate;
        (double stepSin, double stepCos) = Math.SinCos(step);
        double s = 0, c = 1;
        for (int n = 0; n < sine.Length; n++)
        {
            sine[n] = (float)s;
            cosine[n] = (float)c;
            (s, c) = (s * stepCos + c * stepSin, c * stepCos - s * stepSin);
        }
    }

    /// <summary>
    /// Adds amplitude x sin(2 pi f t + phase) to <paramref name="target"/>, given the tables of <see cref="Fill"/>
    /// (sin(a + b) = sin a cos b + cos a sin b).
    /// </summary>
    public static void AddSinusoid(Span<float> target, ReadOnlySpan<float> sine, ReadOnlySpan<float> cosine, float amplitude, float phase)
    {
        (float phaseSin, float phaseCos) = MathF.SinCos(phase);
        SpanArithmetic.AddScaled(target, sine, amplitude * phaseCos, cosine, amplitude * phaseSin);
    }
}
