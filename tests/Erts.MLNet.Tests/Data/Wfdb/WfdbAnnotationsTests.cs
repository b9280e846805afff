using Erts.MLNet.Data.Wfdb;
using Erts.MLNet.Tests.Infrastructure;

namespace Erts.MLNet.Tests.Data.Wfdb;

public class WfdbAnnotationsTests
{
    private static byte[] Words(params int[] words) => words.SelectMany(w => new[] { (byte)w, (byte)(w >> 8) }).ToArray();

    private static int Word(int type, int value) => type << 10 | value;

    [Fact]
    public void Parse_DecodesTypesTimesAndAuxiliaryFields()
    {
        byte[] bytes = Words(
            Word(28, 18), Word(63, 3), 'N' << 8 | '(', 0,      // "+" at 18, aux "(N" + NUL pad... 3 bytes "(N\0" padded to 4
            Word(1, 77),                                        // N at 95
            Word(5, 100), Word(61, 2), Word(62, 1), Word(60, 3), // V at 195, subtype 2, chan 1, num 3
            Word(59, 0), 0x0001, 0x0000,                        // SKIP 65536
            Word(1, 5),                                         // N at 195 + 65536 + 5; chan/num carried over
            0);

        var annotations = WfdbAnnotations.Parse(bytes, "x.atr");

        Assert.Equal(
            [
                new WfdbAnnotation(18, 28, 0, 0, 0, "(N"),
                new WfdbAnnotation(95, 1, 0, 0, 0, null),
                new WfdbAnnotation(195, 5, 2, 1, 3, null),
                new WfdbAnnotation(195 + 65536 + 5, 1, 0, 1, 3, null),
            ],
            annotations);
        Assert.Equal(["+", "N", "V", "N"], annotations.Select(a => a.Symbol));
        Assert.Equal([false, true, true, true], annotations.Select(a => a.IsBeat));
    }

    [Theory]
    [InlineData(new byte[] { 0x05, 0x04, 0x01 }, "odd file length")]
    [InlineData(new byte[] { 0x12, 0x70, 0x05, 0xFC, 0x28, 0x4E }, "AUX announces 5 bytes")]
    [InlineData(new byte[] { 0x00, 0xEC, 0x00, 0x00 }, "SKIP")]
    [InlineData(new byte[] { 0x03, 0xF0 }, "NUM field with no annotation")]
    public void Parse_ThrowsNamingTheByte_ForMalformedFiles(byte[] bytes, string fragment)
    {
        var error = Assert.Throws<WfdbFormatException>(() => WfdbAnnotations.Parse(bytes, "x.atr"));
        Assert.Equal("x.atr", error.FilePath);
        Assert.StartsWith("byte ", error.Field);
        if (fragment != "SKIP") Assert.Contains(fragment, error.Message);
    }

    [Fact]
    public void Read_Throws_WhenAnnotationFileIsMissing()
    {
        var error = Assert.Throws<WfdbFormatException>(() => WfdbAnnotations.Read("/nonexistent/100", "atr"));
        Assert.Equal("/nonexistent/100.atr", error.FilePath);
    }

    [SkippableFact]
    public void Read_GivesPublishedSymbolCounts_ForAllMitdbRecords()
    {
        string mitdb = RepositoryPaths.RequireDataset("mitdb");
        var counts = File.ReadAllLines(Path.Combine(mitdb, "RECORDS")).Where(l => l.Length > 0)
            .SelectMany(r => WfdbAnnotations.Read(Path.Combine(mitdb, r), "atr"))
            .GroupBy(a => a.Code == WfdbAnnotationCodes.Rhythm ? "+" + a.Aux : a.Symbol)
            .ToDictionary(g => g.Key, g => g.Count());

        // From the mitdb README of the shared data folder (counted there from the same files, equal to the published totals).
        var beats = new Dictionary<string, int>
        {
            ["N"] = 75052, ["L"] = 8075, ["R"] = 7259, ["V"] = 7130, ["/"] = 7028, ["A"] = 2546, ["f"] = 982, ["F"] = 803,
            ["j"] = 229, ["a"] = 150, ["E"] = 106, ["J"] = 83, ["Q"] = 33, ["e"] = 16, ["S"] = 2,
        };
        foreach (var (symbol, count) in beats) Assert.Equal((symbol, count), (symbol, counts[symbol]));
        Assert.Equal(109494, beats.Keys.Sum(s => counts[s]));
        Assert.Equal((616, 472, 437, 193), (counts["~"], counts["!"], counts["\""], counts["x"]));
        Assert.Equal((530, 107, 61), (counts["+(N"], counts["+(AFIB"], counts["+(VT"]));
    }
}
