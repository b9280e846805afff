namespace Erts.MLNet.Training;

/// <summary>
/// Windows of a fixed length over a record of its own length: where sliding windows start, and copying one window
/// (zero-padded where it runs past the record) out of a lead-major row.
/// </summary>
internal static class RecordWindows
{
    /// <summary>
    /// The network's input length and the scoring stride <paramref name="options"/> imply for signals of
    /// <paramref name="samples"/> samples per lead: <see cref="ErtsTrainer.Options.TrainingWindow"/> (else the whole
    /// signal) and <see cref="ErtsTrainer.Options.InferenceStride"/> (else half the window).
    /// </summary>
    public static (int Window, int Stride) Of(ErtsTrainer.Options options, int samples)
    {
        int window = options.TrainingWindow ?? samples;
        return (window, options.InferenceStride ?? Math.Max(1, window / 2));
    }

    /// <summary>
    /// Starts of the windows that cover a record of <paramref name="length"/> samples: 0, stride, 2·stride, ... while
    /// the window fits, and a last one ending at the record's end, so every sample is covered and no window holds
    /// padding unless the record is shorter than one window (then a single window at 0).
    /// </summary>
    public static int[] Starts(int length, int window, int stride)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(stride, 1);
        if (length <= window) return [0];
        int last = length - window;
        int count = last / stride + 1 + (last % stride == 0 ? 0 : 1);
        var starts = new int[count];
        for (int i = 0; i < count; i++) starts[i] = Math.Min(i * stride, last);
        return starts;
    }

    /// <summary>
    /// Copies samples [<paramref name="start"/>, start + window) of each lead of <paramref name="row"/> to
    /// <paramref name="destination"/> (leads x window) at offset <paramref name="shift"/> within the window; what falls
    /// outside the record's <paramref name="length"/> valid samples or outside the window is left zero.
    /// </summary>
    /// <param name="row">Leads x <paramref name="samples"/> values, lead-major.</param>
    /// <param name="leads">Leads.</param>
    /// <param name="samples">Samples per lead of <paramref name="row"/>.</param>
    /// <param name="length">Samples per lead that hold the record.</param>
    /// <param name="start">First record sample of the window.</param>
    /// <param name="shift">Where in the window that sample lands (negative: earlier samples are dropped).</param>
    /// <param name="destination">Leads x window values; cleared first.</param>
    public static void Copy(ReadOnlySpan<float> row, int leads, int samples, int length, int start, int shift, Span<float> destination)
    {
        int window = destination.Length / leads;
        destination.Clear();
        // Window position w holds record sample start + w - shift; keep those in [0, length).
        int from = Math.Max(0, shift - start), to = Math.Min(window, length - start + shift);
        if (to <= from) return;
        for (int lead = 0; lead < leads; lead++)
            row.Slice(lead * samples + start - shift + from, to - from).CopyTo(destination.Slice(lead * window + from, to - from));
    }
}
