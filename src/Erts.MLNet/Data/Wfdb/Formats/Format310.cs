using System.Buffers.Binary;

namespace Erts.MLNet.Data.Wfdb.Formats;

/// <summary>
/// WFDB format 310: three 10-bit samples in two little-endian 16-bit words. Sample 0 is bits 1-10 of word 0,
/// sample 1 bits 1-10 of word 1, sample 2 has its low 5 bits in bits 11-15 of word 0 and its high 5 bits in
/// bits 11-15 of word 1 (bit 0 of each word is unused).
/// </summary>
internal sealed class Format310 : WfdbSignalFormat
{
    public override int Code => 310;
    public override int SamplesPerBlock => 3;
    public override int BytesPerBlock => 4;
    public override int DefaultResolution => 10;

    protected override void DecodeCore(ReadOnlySpan<byte> source, Span<int> destination)
    {
        for (int i = 0, s = 0; i < destination.Length; i += 3, s += 4)
        {
            int word0 = BinaryPrimitives.ReadUInt16LittleEndian(source.Slice(s, 2));
            int word1 = BinaryPrimitives.ReadUInt16LittleEndian(source.Slice(s + 2, 2));
            destination[i] = SignExtend((word0 >> 1) & 0x3FF, 10);
            if (i + 1 < destination.Length) destination[i + 1] = SignExtend((word1 >> 1) & 0x3FF, 10);
            if (i + 2 < destination.Length) destination[i + 2] = SignExtend((word0 >> 11) | (word1 >> 11) << 5, 10);
        }
    }
}
