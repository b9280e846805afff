using System.Buffers.Binary;

namespace Erts.MLNet.Data.Wfdb.Formats;

/// <summary>WFDB format 61: 16-bit two's complement, big-endian.</summary>
internal sealed class Format61 : WfdbSignalFormat
{
    public override int Code => 61;
    public override int SamplesPerBlock => 1;
    public override int BytesPerBlock => 2;
    public override int DefaultResolution => 16;

    protected override void DecodeCore(ReadOnlySpan<byte> source, Span<int> destination)
    {
        for (int i = 0; i < destination.Length; i++)
            destination[i] = BinaryPrimitives.ReadInt16BigEndian(source.Slice(2 * i, 2));
    }
}
