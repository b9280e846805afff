using Erts.MLNet.Data.Wfdb.Formats;

namespace Erts.MLNet.Data.Wfdb;

/// <summary>
/// One WFDB signal storage format (the <c>fmt</c> field of a header signal line, e.g. 16 or 212): how samples are
/// packed into bytes. Samples of the signals that share a file are interleaved frame by frame; a format packs that
/// interleaved stream into blocks of <see cref="BytesPerBlock"/> bytes holding <see cref="SamplesPerBlock"/> samples.
/// </summary>
/// <remarks>
/// The formats form a small table (<see cref="Find"/>), one decoder per format, so adding a format is adding a file
/// under <c>Formats/</c> and a line in the table. Supported: 16, 61, 80, 160, 212, 24, 32, 310, 311.
/// Not supported: the difference formats 8 and 516, and FLAC-compressed 508/516/524.
/// </remarks>
public abstract class WfdbSignalFormat
{
    private static readonly Dictionary<int, WfdbSignalFormat> Table = new WfdbSignalFormat[]
    {
        new Format16(), new Format61(), new Format80(), new Format160(), new Format212(),
        new Format24(), new Format32(), new Format310(), new Format311(),
    }.ToDictionary(f => f.Code);

    /// <summary>The WFDB format code (header field <c>fmt</c>), e.g. 212.</summary>
    public abstract int Code { get; }

    /// <summary>Samples packed in one block (2 for format 212: two 12-bit samples in 3 bytes).</summary>
    public abstract int SamplesPerBlock { get; }

    /// <summary>Bytes in one block.</summary>
    public abstract int BytesPerBlock { get; }

    /// <summary>ADC resolution in bits assumed when the header leaves <c>adc_res</c> out or writes 0.</summary>
    public abstract int DefaultResolution { get; }

    /// <summary>The value WFDB writes for an absent ("invalid") sample in this format: the most negative one.</summary>
    public int InvalidSample => -(1 << (DefaultResolution - 1));

    /// <summary>Every supported format code, ascending.</summary>
    public static IReadOnlyList<int> SupportedCodes { get; } = Table.Keys.Order().ToArray();

    /// <summary>The decoder for a format code, or null when the format is not supported.</summary>
    /// <param name="code">WFDB format code, e.g. 16.</param>
    public static WfdbSignalFormat? Find(int code) => Table.GetValueOrDefault(code);

    /// <summary>Bytes needed to store <paramref name="sampleCount"/> interleaved samples (whole blocks).</summary>
    /// <param name="sampleCount">Number of samples, all signals of the file together.</param>
    public long ByteCount(long sampleCount) => (sampleCount + SamplesPerBlock - 1) / SamplesPerBlock * BytesPerBlock;

    /// <summary>
    /// Decodes <c>destination.Length</c> samples from the start of <paramref name="source"/>, which must begin on a
    /// block boundary and hold at least <see cref="ByteCount"/>(<c>destination.Length</c>) bytes.
    /// </summary>
    /// <param name="source">Packed bytes, starting at a block boundary.</param>
    /// <param name="destination">Receives the samples in ADC units (interleaved as stored).</param>
    /// <exception cref="ArgumentException">When <paramref name="source"/> is too short.</exception>
    public void Decode(ReadOnlySpan<byte> source, Span<int> destination)
    {
        long needed = ByteCount(destination.Length);
        if (source.Length < needed)
            throw new ArgumentException($"format {Code}: {destination.Length} samples need {needed} bytes, got {source.Length}", nameof(source));
        DecodeCore(source, destination);
    }

    /// <summary>Decodes; lengths are already checked. The last block may be partial in <paramref name="destination"/>.</summary>
    /// <param name="source">Packed bytes, long enough.</param>
    /// <param name="destination">Samples to fill.</param>
    protected abstract void DecodeCore(ReadOnlySpan<byte> source, Span<int> destination);

    /// <summary>Sign-extends the low <paramref name="bits"/> bits of <paramref name="value"/>.</summary>
    /// <param name="value">Raw unsigned field.</param>
    /// <param name="bits">Field width in bits.</param>
    protected static int SignExtend(int value, int bits) => (value << (32 - bits)) >> (32 - bits);
}
