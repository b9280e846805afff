using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Erts.MLNet.Data.Wfdb.Formats;

/// <summary>WFDB format 16: 16-bit two's complement, little-endian (PTB-XL, CinC 2017/2020 <c>16+24</c>).</summary>
internal sealed class Format16 : WfdbSignalFormat
{
    public override int Code => 16;
    public override int SamplesPerBlock => 1;
    public override int BytesPerBlock => 2;
    public override int DefaultResolution => 16;

    protected override void DecodeCore(ReadOnlySpan<byte> source, Span<int> destination)
    {
        if (BitConverter.IsLittleEndian)
        {
            // Reinterpret the bytes as shorts: one widening per sample, no shifts.
            ReadOnlySpan<short> words = MemoryMarshal.Cast<byte, short>(source[..(destination.Length * 2)]);
            for (int i = 0; i < destination.Length; i++) destination[i] = words[i];
            return;
        }
        for (int i = 0; i < destination.Length; i++)
            destination[i] = BinaryPrimitives.ReadInt16LittleEndian(source.Slice(2 * i, 2));
    }
}
