namespace Erts.MLNet.Data.Wfdb.Formats;

/// <summary>WFDB format 80: 8-bit offset binary (stored byte minus 128).</summary>
internal sealed class Format80 : WfdbSignalFormat
{
    public override int Code => 80;
    public override int SamplesPerBlock => 1;
    public override int BytesPerBlock => 1;
    public override int DefaultResolution => 8;

    protected override void DecodeCore(ReadOnlySpan<byte> source, Span<int> destination)
    {
        for (int i = 0; i < destination.Length; i++) destination[i] = source[i] - 128;
    }
}
