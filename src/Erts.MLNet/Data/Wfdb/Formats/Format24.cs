namespace Erts.MLNet.Data.Wfdb.Formats;

/// <summary>WFDB format 24: 24-bit two's complement, little-endian.</summary>
internal sealed class Format24 : WfdbSignalFormat
{
    public override int Code => 24;
    public override int SamplesPerBlock => 1;
    public override int BytesPerBlock => 3;
    public override int DefaultResolution => 24;

    protected override void DecodeCore(ReadOnlySpan<byte> source, Span<int> destination)
    {
        for (int i = 0, s = 0; i < destination.Length; i++, s += 3)
            destination[i] = SignExtend(source[s] | source[s + 1] << 8 | source[s + 2] << 16, 24);
    }
}
