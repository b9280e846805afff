namespace Erts.MLNet.Tests.Data.Wfdb;

/// <summary>Encoders and header writers for small WFDB records built by tests.</summary>
public static class TestRecords
{
    /// <summary>Format 16 bytes of interleaved samples, after <paramref name="offset"/> zero bytes.</summary>
    public static byte[] Format16(int[] interleaved, int offset = 0)
    {
        var bytes = new byte[offset + 2 * interleaved.Length];
        for (int i = 0; i < interleaved.Length; i++)
            BitConverter.TryWriteBytes(bytes.AsSpan(offset + 2 * i, 2), (short)interleaved[i]);
        return bytes;
    }

    /// <summary>Format 212 bytes of interleaved samples (12-bit pairs in 3 bytes).</summary>
    public static byte[] Format212(int[] interleaved)
    {
        var bytes = new byte[(interleaved.Length + 1) / 2 * 3];
        for (int i = 0, b = 0; i < interleaved.Length; i += 2, b += 3)
        {
            int first = interleaved[i] & 0xFFF, second = i + 1 < interleaved.Length ? interleaved[i + 1] & 0xFFF : 0;
            bytes[b] = (byte)first;
            bytes[b + 1] = (byte)((first >> 8) | ((second >> 8) << 4));
            bytes[b + 2] = (byte)second;
        }
        return bytes;
    }

    /// <summary>Interleaves signal-major signals into frames.</summary>
    public static int[] Interleave(params int[][] signals)
    {
        int length = signals[0].Length;
        var frames = new int[signals.Length * length];
        for (int t = 0; t < length; t++)
            for (int s = 0; s < signals.Length; s++) frames[t * signals.Length + s] = signals[s][t];
        return frames;
    }

    /// <summary>The WFDB checksum of a signal: the low 16 bits of its sum, as a signed short.</summary>
    public static short Checksum(int[] signal) => unchecked((short)signal.Sum());

    /// <summary>A header text for signals in one file, with correct initial values and checksums.</summary>
    public static string Header(string record, string file, string format, double fs, string[] names, int[][] signals,
        string gain = "200(0)/mV", string newline = "\n", string comments = "")
    {
        var lines = new List<string> { $"{record} {signals.Length} {fs} {signals[0].Length}" };
        for (int s = 0; s < signals.Length; s++)
            lines.Add($"{file} {format} {gain} 12 0 {signals[s][0]} {Checksum(signals[s])} 0 {names[s]}");
        return string.Join(newline, lines) + newline + comments;
    }
}
