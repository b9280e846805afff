using Erts.MLNet.Data;
using Erts.MLNet.Data.Datasets;
using Erts.MLNet.Data.Wfdb;
using Erts.MLNet.Tests.Data.Wfdb;
using Erts.MLNet.Tests.Infrastructure;
using Erts.MLNet.Tests.Reliability.Fuzzing;
using Xunit.Abstractions;

namespace Erts.MLNet.Tests.Reliability;

/// <summary>
/// Property: whatever damage a data file has, the readers either read it or throw a <see cref="DataFormatException"/>
/// naming the file; never an IndexOutOfRange, NullReference, Overflow or InvalidCast exception, a hang or a huge
/// allocation. Each campaign mutates valid files thousands of times with a fixed seed; small generated files make it
/// run without the real data, the real PhysioNet files (when present) add their quirks.
/// </summary>
public sealed class InputFuzzTests : IDisposable
{
    private const int TextInputs = 3000;
    private const int FileInputs = 600;

    private readonly TemporaryFolder _folder = new();
    private readonly ITestOutputHelper _output;

    public InputFuzzTests(ITestOutputHelper output) => _output = output;

    public void Dispose() => _folder.Dispose();

    private static readonly int[][] Signals = [Enumerable.Range(0, 40).Select(i => (i * 37) % 200 - 100).ToArray(), Enumerable.Range(0, 40).Select(i => (i * 11) % 90 - 45).ToArray()];

    private static string GeneratedHeader(string format) =>
        TestRecords.Header("rec", "rec.dat", format, 360, ["MLII", "V5"], Signals, comments: "# 69 M\n# Dx: 426783006\n");

    [Theory]
    [InlineData("16")]
    [InlineData("212")]
    public void WfdbHeaderParse_ThrowsOnlyWfdbFormatException_OnMutatedGeneratedHeaders(string format) =>
        FuzzHeader(GeneratedHeader(format), "generated format " + format, seed: format.Length);

    [SkippableFact]
    public void WfdbHeaderParse_ThrowsOnlyWfdbFormatException_OnMutatedRealHeaders()
    {
        string mitdb = RepositoryPaths.RequireDataset("mitdb"), cinc = RepositoryPaths.RequireDataset("cinc2017"), ptbxl = RepositoryPaths.RequireDataset("ptbxl");
        string[] headers = [Path.Combine(mitdb, "100.hea"), Path.Combine(cinc, "A00001.hea"), Path.Combine(ptbxl, "records100", "00000", "00001_lr.hea")];
        for (int i = 0; i < headers.Length; i++) FuzzHeader(File.ReadAllText(headers[i]), headers[i], seed: 10 + i);
    }

    [Fact]
    public void WfdbAnnotationsParse_ThrowsOnlyWfdbFormatException_OnMutatedGeneratedAnnotations() =>
        FuzzAnnotations(AnnotationFile.Generated(), "generated", seed: 3);

    [SkippableFact]
    public void WfdbAnnotationsParse_ThrowsOnlyWfdbFormatException_OnMutatedRealAnnotations()
    {
        string path = Path.Combine(RepositoryPaths.RequireDataset("mitdb"), "100.atr");
        FuzzAnnotations(File.ReadAllBytes(path), path, seed: 4);
    }

    [Theory]
    [InlineData("16")]
    [InlineData("212")]
    public void WfdbRecordRead_ThrowsOnlyWfdbFormatException_OnMutatedHeaderOrSignalFile(string format)
    {
        string header = GeneratedHeader(format);
        byte[] signal = format == "16" ? TestRecords.Format16(TestRecords.Interleave(Signals)) : TestRecords.Format212(TestRecords.Interleave(Signals));
        var mutator = new Mutator(seed: 5 + format.Length);
        string record = _folder.Combine("rec");

        new FuzzCampaign($"WFDB record, format {format}", typeof(DataFormatException))
            .Run(FileInputs, i => i % 2 == 0 ? (Header: mutator.MutateText(header), Signal: signal) : (Header: header, Signal: mutator.MutateBytes(signal)),
                input =>
                {
                    _folder.WriteText("rec.hea", input.Header);
                    _folder.WriteBytes("rec.dat", input.Signal);
                    var opened = WfdbRecord.Open(record);
                    opened.ReadSignals().ToPhysical();
                    opened.VerifyIntegrity();
                },
                input => $"header:\n{input.Header}\nsignal file of {input.Signal.Length} bytes")
            .AssertNoFindings(_output);
    }

    [Fact]
    public void PtbXlDatabase_ThrowsOnlyDataFormatException_OnMutatedGeneratedTables() =>
        FuzzPtbXl(PtbXlTables.Statements, PtbXlTables.Database, seed: 7);

    [SkippableFact]
    public void PtbXlDatabase_ThrowsOnlyDataFormatException_OnMutatedRealTables()
    {
        string ptbxl = RepositoryPaths.RequireDataset("ptbxl");
        string statements = File.ReadAllText(Path.Combine(ptbxl, "scp_statements.csv"));
        string database = string.Join('\n', File.ReadLines(Path.Combine(ptbxl, "ptbxl_database.csv")).Take(40));
        FuzzPtbXl(statements, database, seed: 8);
    }

    [Fact]
    public void Cinc2017Database_ThrowsOnlyDataFormatException_OnMutatedGeneratedReference() =>
        FuzzCinc2017(string.Join('\n', Enumerable.Range(1, 40).Select(i => $"A{i:00000},{Cinc2017Database.Labels[i % 4]}")), seed: 9);

    [SkippableFact]
    public void Cinc2017Database_ThrowsOnlyDataFormatException_OnMutatedRealReference()
    {
        string reference = Path.Combine(RepositoryPaths.RequireDataset("cinc2017"), "REFERENCE.csv");
        FuzzCinc2017(string.Join('\n', File.ReadLines(reference).Take(60)), seed: 10);
    }

    private void FuzzHeader(string header, string source, int seed)
    {
        var mutator = new Mutator(seed);
        new FuzzCampaign($"WFDB header ({source})", typeof(WfdbFormatException))
            .Run(TextInputs, _ => mutator.MutateText(header), text => WfdbHeader.Parse(text, "fuzzed.hea"), text => text)
            .AssertNoFindings(_output);
    }

    private void FuzzAnnotations(byte[] annotations, string source, int seed)
    {
        var mutator = new Mutator(seed);
        new FuzzCampaign($"WFDB annotations ({source})", typeof(WfdbFormatException))
            .Run(TextInputs, _ => mutator.MutateBytes(annotations), bytes => WfdbAnnotations.Parse(bytes, "fuzzed.atr"),
                bytes => Convert.ToHexString(bytes.AsSpan(0, Math.Min(bytes.Length, 256))))
            .AssertNoFindings(_output);
    }

    private void FuzzPtbXl(string statements, string database, int seed)
    {
        var mutator = new Mutator(seed);
        new FuzzCampaign("PTB-XL tables", typeof(DataFormatException))
            .Run(FileInputs, i => i % 4 == 0 ? (Statements: mutator.MutateText(statements), Database: database) : (Statements: statements, Database: mutator.MutateText(database)),
                input =>
                {
                    _folder.WriteText("scp_statements.csv", input.Statements);
                    _folder.WriteText("ptbxl_database.csv", input.Database);
                    _ = new PtbXlDatabase(_folder.Path).Entries;
                },
                input => $"scp_statements.csv:\n{input.Statements}\nptbxl_database.csv:\n{input.Database}")
            .AssertNoFindings(_output);
    }

    private void FuzzCinc2017(string reference, int seed)
    {
        var mutator = new Mutator(seed);
        new FuzzCampaign("CinC 2017 REFERENCE.csv", typeof(DataFormatException))
            .Run(FileInputs, _ => mutator.MutateText(reference),
                text =>
                {
                    _folder.WriteText("REFERENCE.csv", text);
                    _ = new Cinc2017Database(_folder.Path).Records;
                },
                text => text)
            .AssertNoFindings(_output);
    }
}
