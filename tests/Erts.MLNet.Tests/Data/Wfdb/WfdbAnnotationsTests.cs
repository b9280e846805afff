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

    [Fact]
    public void Read_DecodesNotQrsUserCodesAndEveryPseudoAnnotation_InAFileLaidOutAsWfdbWritesIt()
    {
        using var folder = new TemporaryFolder();
        folder.WriteBytes("r.atr", new MitAnnotationBuilder()
            .Word(22, 0).Aux("## time resolution: 360")     // NOTE at 0, as WFDB heads a file ...
            .Skip(-1).Word(0, 1)                              // ... followed by a NOTQRS at 0: SKIP back one, then I = 1
            .Word(1, 100).Word(62, 2).Word(60, 5).Word(61, 0x3FF) // N at 100, chan 2, num 5, subtyp -1
            .Word(0, 50)                                      // NOTQRS at 150: chan and num carried over, subtyp reset
            .Skip(70000).Word(53, 4).Aux("x")                 // user-defined code 53 at 150 + 70000 + 4, odd-length aux
            .Word(5, 20).Skip(10).Word(60, 6)                 // V at 70174; a NUM after a SKIP still belongs to the V
            .Word(28, 10).Aux("(AFIB")                        // rhythm change at 70174 + 10 + 10
            .End()
            .Word(1, 1)                                       // after the end word: ignored
            .ToArray());

        var annotations = WfdbAnnotations.Read(folder.Combine("r"), "atr");

        Assert.Equal(
            [
                new WfdbAnnotation(0, 22, 0, 0, 0, "## time resolution: 360"),
                new WfdbAnnotation(0, WfdbAnnotationCodes.NotQrs, 0, 0, 0, null),
                new WfdbAnnotation(100, 1, -1, 2, 5, null),
                new WfdbAnnotation(150, WfdbAnnotationCodes.NotQrs, 0, 2, 5, null),
                new WfdbAnnotation(70154, 53, 0, 2, 5, "x"),
                new WfdbAnnotation(70174, 5, 0, 2, 6, null),
                new WfdbAnnotation(70194, WfdbAnnotationCodes.Rhythm, 0, 2, 6, "(AFIB"),
            ],
            annotations);
        Assert.Equal(["\"", " ", "N", " ", "[53]", "V", "+"], annotations.Select(a => a.Symbol));
        Assert.Equal([false, false, true, false, false, true, false], annotations.Select(a => a.IsBeat));
    }

    [Theory]
    [InlineData(0, " ")]
    [InlineData(15, "[15]")]
    [InlineData(41, "r")]
    [InlineData(49, "[49]")]
    [InlineData(58, "[58]")]
    public void Parse_AcceptsEveryAnnotationCodeBelowSkip_WithWfdbSymbol(int code, string symbol)
    {
        byte[] bytes = new MitAnnotationBuilder().Word(code, 7).End().ToArray();

        WfdbAnnotation annotation = Assert.Single(WfdbAnnotations.Parse(bytes, "x.atr"));

        Assert.Equal((7L, code, symbol), (annotation.Sample, annotation.Code, annotation.Symbol));
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

    [Fact]
    public void Parse_Throws_ForAnEmptyFile()
    {
        var error = Assert.Throws<WfdbFormatException>(() => WfdbAnnotations.Parse([], "x.atr"));

        Assert.Equal(("x.atr", "byte 0"), (error.FilePath, error.Field));
        Assert.Contains("empty", error.Message);
    }

    [Fact]
    public void Parse_Throws_ForEveryFileCutShortAtAWordBoundary()
    {
        byte[] whole = new MitAnnotationBuilder().Word(1, 10).Word(5, 20).Aux("(N").Word(1, 30).Skip(100).Word(1, 1).End().ToArray();
        Assert.Equal(4, WfdbAnnotations.Parse(whole, "x.atr").Count);

        for (int cut = 2; cut < whole.Length; cut += 2)
        {
            var error = Assert.Throws<WfdbFormatException>(() => WfdbAnnotations.Parse(whole.AsSpan(0, cut), "x.atr"));
            Assert.Contains("truncated", error.Message);
        }
    }

    [Fact]
    public void Read_ThrowsBeforeReading_ForAHugeSparseFile()
    {
        using var folder = new TemporaryFolder();
        string path = SpecialFiles.MakeSparse(folder.Combine("r.atr"), 3L << 30);
        long before = GC.GetAllocatedBytesForCurrentThread();

        var error = Assert.Throws<WfdbFormatException>(() => WfdbAnnotations.Read(folder.Combine("r"), "atr"));

        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, 1 << 20);
        Assert.Equal(path, error.FilePath);
        Assert.Contains($"{3L << 30} bytes", error.Message);
    }

    [SkippableFact]
    public void Read_ThrowsWithoutBlocking_WhenTheFileIsAFifo()
    {
        using var folder = new TemporaryFolder();
        string fifo = SpecialFiles.MakeFifo(folder.Combine("r.atr"));

        Exception? error = SpecialFiles.ThrownWithin10Seconds(() => WfdbAnnotations.Read(folder.Combine("r"), "atr"), fifo);

        Assert.Equal(fifo, Assert.IsType<WfdbFormatException>(error).FilePath);
    }
}
