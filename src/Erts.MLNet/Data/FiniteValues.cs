namespace Erts.MLNet.Data;

/// <summary>Finds NaN and infinities in rows of numbers.</summary>
internal static class FiniteValues
{
    /// <summary>Index of the first value of <paramref name="values"/> that is NaN or infinite, or -1 when all are finite.</summary>
    public static int IndexOfNonFinite(ReadOnlySpan<float> values)
    {
        for (int i = 0; i < values.Length; i++)
            if (!float.IsFinite(values[i])) return i;
        return -1;
    }
}
