using System.Buffers.Binary;

namespace Erts.MLNet.Data.Wfdb.Formats;

/// <summary>WFDB format 32: 32-bit two's complement, little-endian.</summary>
internal sealed class Format32 : WfdbSignalFormat
{
    public override int Code => 32;
    public override int SamplesPerBlock => 1;
    public override int BytesPerBlock => 4;
    public override int DefaultResolution => 32;

    protected override void DecodeCore(ReadOnlySpan<byte> source, Span<int> destination)
    {
        for (int i = 0; i < destination.Length; i++)
            destination[i] = BinaryPrimitives.ReadInt32LittleEndian(source.Slice(4 * i, 4));
    }
}
