using System.Numerics;
using System.Runtime.InteropServices;

namespace Erts.MLNet.Data.Synthetic;

/// <summary>Vectorised "target += scale x source" loops: the generator's inner loops (beats on leads, noise on leads).</summary>
internal static class SpanArithmetic
{
    /// <summary>target[n] += scale * source[n].</summary>
    public static void AddScaled(Span<float> target, ReadOnlySpan<float> source, float scale)
    {
        int n = 0;
        if (Vector.IsHardwareAccelerated && target.Length >= Vector<float>.Count)
        {
            var t = MemoryMarshal.Cast<float, Vector<float>>(target);
            var s = MemoryMarshal.Cast<float, Vector<float>>(source[..target.Length]);
            for (int i = 0; i < t.Length; i++) t[i] += s[i] * scale;
            n = t.Length * Vector<float>.Count;
        }
        for (; n < target.Length; n++) target[n] += scale * source[n];
    }

    /// <summary>target[n] += a * first[n] + b * second[n].</summary>
    public static void AddScaled(Span<float> target, ReadOnlySpan<float> first, float a, ReadOnlySpan<float> second, float b)
    {
        int n = 0;
        if (Vector.IsHardwareAccelerated && target.Length >= Vector<float>.Count)
        {
            var t = MemoryMarshal.Cast<float, Vector<float>>(target);
            var f = MemoryMarshal.Cast<float, Vector<float>>(first[..target.Length]);
            var s = MemoryMarshal.Cast<float, Vector<float>>(second[..target.Length]);
            for (int i = 0; i < t.Length; i++) t[i] += f[i] * a + s[i] * b;
            n = t.Length * Vector<float>.Count;
        }
        for (; n < target.Length; n++) target[n] += a * first[n] + b * second[n];
    }
}
