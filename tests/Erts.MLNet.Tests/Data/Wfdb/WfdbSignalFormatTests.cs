using Erts.MLNet.Data.Wfdb;

namespace Erts.MLNet.Tests.Data.Wfdb;

public class WfdbSignalFormatTests
{
    public static TheoryData<int, byte[], int[]> KnownEncodings => new()
    {
        // 16: little-endian int16.
        { 16, [0x01, 0x00, 0xFF, 0xFF, 0x00, 0x80, 0xFF, 0x7F], [1, -1, -32768, 32767] },
        // 61: big-endian int16.
        { 61, [0x00, 0x01, 0xFF, 0xFF, 0x80, 0x00], [1, -1, -32768] },
        // 80: offset binary, byte - 128.
        { 80, [0x80, 0x81, 0x00, 0xFF], [0, 1, -128, 127] },
        // 160: offset binary little-endian, value - 32768.
        { 160, [0x00, 0x80, 0x01, 0x80, 0x00, 0x00], [0, 1, -32768] },
        // 212: 100 = 0x064 and -2 = 0xFFE -> bytes 0x64, 0xF0, 0xFE; then 2047 and -2048 -> 0xFF, 0x87, 0x00.
        { 212, [0x64, 0xF0, 0xFE, 0xFF, 0x87, 0x00], [100, -2, 2047, -2048] },
        // 212, odd count: the last block holds one sample.
        { 212, [0x64, 0xF0, 0xFE, 0x05, 0x00, 0x00], [100, -2, 5] },
        // 24: little-endian int24.
        { 24, [0x01, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0x00, 0x00, 0x80], [1, -1, -8388608] },
        // 32: little-endian int32.
        { 32, [0x01, 0x00, 0x00, 0x00, 0xFE, 0xFF, 0xFF, 0xFF], [1, -2] },
        // 311: 1, -1 (0x3FF), 511 (0x1FF) in bits 0-9, 10-19, 20-29 of 0x1FFFFC01.
        { 311, [0x01, 0xFC, 0xFF, 0x1F], [1, -1, 511] },
        // 310: word0 = (5 << 1) | (low5(-3) << 11), word1 = (-1 & 0x3FF) << 1 | (high5(-3) << 11); -3 = 0x3FD.
        { 310, [0x0A, 0xE8, 0xFE, 0xFF], [5, -1, -3] },
    };

    [Theory]
    [MemberData(nameof(KnownEncodings))]
    public void Decode_ReturnsKnownValues_ForHandBuiltBytes(int code, byte[] bytes, int[] expected)
    {
        WfdbSignalFormat format = WfdbSignalFormat.Find(code)!;
        var decoded = new int[expected.Length];
        format.Decode(bytes, decoded);
        Assert.Equal(expected, decoded);
    }

    [Fact]
    public void Find_ReturnsNull_ForUnsupportedFormat()
    {
        Assert.Null(WfdbSignalFormat.Find(8));
        Assert.Null(WfdbSignalFormat.Find(999));
    }

    [Theory]
    [InlineData(212, 5, 9)]
    [InlineData(16, 5, 10)]
    [InlineData(310, 4, 8)]
    public void ByteCount_RoundsUpToWholeBlocks(int code, long samples, long bytes) =>
        Assert.Equal(bytes, WfdbSignalFormat.Find(code)!.ByteCount(samples));

    [Fact]
    public void Decode_Throws_WhenSourceIsShort()
    {
        Assert.Throws<ArgumentException>(() => WfdbSignalFormat.Find(212)!.Decode(new byte[3], new int[3]));
    }
}
