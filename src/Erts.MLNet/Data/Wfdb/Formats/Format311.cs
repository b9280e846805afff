using System.Buffers.Binary;

namespace Erts.MLNet.Data.Wfdb.Formats;

/// <summary>
/// WFDB format 311: three 10-bit samples in one little-endian 32-bit word, in bits 0-9, 10-19 and 20-29
/// (bits 30-31 unused).
/// </summary>
internal sealed class Format311 : WfdbSignalFormat
{
    public override int Code => 311;
    public override int SamplesPerBlock => 3;
    public override int BytesPerBlock => 4;
    public override int DefaultResolution => 10;

    protected override void DecodeCore(ReadOnlySpan<byte> source, Span<int> destination)
    {
        for (int i = 0, s = 0; i < destination.Length; i += 3, s += 4)
        {
            int word = (int)BinaryPrimitives.ReadUInt32LittleEndian(source.Slice(s, 4));
            destination[i] = SignExtend(word & 0x3FF, 10);
            if (i + 1 < destination.Length) destination[i + 1] = SignExtend((word >> 10) & 0x3FF, 10);
            if (i + 2 < destination.Length) destination[i + 2] = SignExtend((word >> 20) & 0x3FF, 10);
        }
    }
}
