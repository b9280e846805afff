namespace Erts.MLNet.Data.Wfdb.Formats;

/// <summary>
/// WFDB format 212 (MIT-BIH): two 12-bit two's complement samples in 3 bytes. Byte 0 holds the low 8 bits of the
/// first sample, byte 1 its high 4 bits (low nibble) and the second sample's high 4 bits (high nibble), byte 2 the
/// low 8 bits of the second sample.
/// </summary>
internal sealed class Format212 : WfdbSignalFormat
{
    public override int Code => 212;
    public override int SamplesPerBlock => 2;
    public override int BytesPerBlock => 3;
    public override int DefaultResolution => 12;

    protected override void DecodeCore(ReadOnlySpan<byte> source, Span<int> destination)
    {
        int pairs = destination.Length / 2;
        int s = 0;
        for (int i = 0; i < pairs; i++, s += 3)
        {
            int middle = source[s + 1];
            // Shift the 12-bit value to the top of the int and back: arithmetic shift does the sign extension.
            destination[2 * i] = ((source[s] | (middle & 0x0F) << 8) << 20) >> 20;
            destination[2 * i + 1] = ((source[s + 2] | (middle & 0xF0) << 4) << 20) >> 20;
        }
        if ((destination.Length & 1) != 0)
            destination[^1] = SignExtend(source[s] | (source[s + 1] & 0x0F) << 8, 12);
    }
}
