using System.Buffers.Binary;

namespace Erts.MLNet.Data.Wfdb.Formats;

/// <summary>WFDB format 160: 16-bit offset binary, little-endian (stored value minus 32768).</summary>
internal sealed class Format160 : WfdbSignalFormat
{
    public override int Code => 160;
    public override int SamplesPerBlock => 1;
    public override int BytesPerBlock => 2;
    public override int DefaultResolution => 16;

    protected override void DecodeCore(ReadOnlySpan<byte> source, Span<int> destination)
    {
        for (int i = 0; i < destination.Length; i++)
            destination[i] = BinaryPrimitives.ReadUInt16LittleEndian(source.Slice(2 * i, 2)) - 32768;
    }
}
