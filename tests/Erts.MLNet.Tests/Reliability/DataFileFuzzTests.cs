using Erts.MLNet.Data;
using Erts.MLNet.Data.Datasets;
using Erts.MLNet.Data.Wfdb;
using Erts.MLNet.Tests.Data;
using Erts.MLNet.Tests.Data.Wfdb;
using Erts.MLNet.Tests.Infrastructure;
using Erts.MLNet.Tests.Reliability.Fuzzing;
using Xunit.Abstractions;

namespace Erts.MLNet.Tests.Reliability;

/// <summary>
/// Property: whatever a data file names or declares, the readers read only regular files inside the dataset folder,
/// allocate no more than the files hold, and refuse a file cut short; every refusal is a <see cref="DataFormatException"/>.
/// Campaigns of generated names (traversal, absolute paths, symbolic links out, FIFOs, folders), generated huge sizes
/// (<c>n_sig</c>, <c>sig_len</c>, byte offsets, <c>fs</c>, sparse signal and annotation files) and truncated annotations.
/// </summary>
public sealed class DataFileFuzzTests(ITestOutputHelper output)
{
    private const int NameInputs = 150;

    // r's samples in mV (gain 200), lead-major: what any accepted read must return.
    private static readonly float[] RecordMillivolts = TrappedDataset.Signals.SelectMany(lead => lead.Select(v => v / 200f)).ToArray();

    [SkippableFact]
    public void EveryReaderOfANameFromData_ReadsOnlyTheRecordInsideTheFolder_OrThrowsDataFormatException()
    {
        Skip.If(OperatingSystem.IsWindows(), "the traps are Unix FIFOs and symbolic links");
        using var data = new TrappedDataset(seed: 21);
        TemporaryFolder folder = data.Folder;
        folder.WriteText("scp_statements.csv", PtbXlTables.Statements);

        var targets = new (string Name, Action<string> Read)[]
        {
            ("header signal file name", name =>
            {
                folder.WriteText("t.hea", TestRecords.Header("t", name + ".dat", "16", 100, ["I", "II"], TrappedDataset.Signals));
                WfdbSignals read = WfdbRecord.Open(folder.Combine("t")).ReadSignals();
                Expect(TrappedDataset.Signals.SelectMany(s => s).Select(v => v / 200f).ToArray(), read.ToPhysical(), name);
            }),
            ("CinC 2017 REFERENCE.csv id", name =>
            {
                folder.WriteText("REFERENCE.csv", $"\"{name.Replace("\"", "\"\"")}\",N\n");
                foreach (EcgExample example in new Cinc2017Database(folder.Path, new Cinc2017Database.Options { Length = 8 }).Load())
                    Expect(RecordMillivolts, example.Signal, name);
            }),
            ("MIT RECORDS line", name =>
            {
                folder.WriteText("RECORDS", name + "\n");
                var options = new MitBeatDatabase.Options
                {
                    Leads = ["I"], WindowBefore = SignalDuration.FromSamples(1), WindowAfter = SignalDuration.FromSamples(2), RhythmFeatures = false,
                };
                foreach (EcgExample beat in new MitBeatDatabase(folder.Path, options).Load())
                    Expect(RecordMillivolts[2..5], beat.Signal, name); // r's beat at sample 3; secret's is at 5
            }),
            ("PTB-XL filename_lr", name =>
            {
                folder.WriteText("ptbxl_database.csv", "ecg_id,patient_id,scp_codes,strat_fold,filename_lr,filename_hr\n" +
                    $"1,7.0,\"{{'NORM': 100.0}}\",1,\"{name.Replace("\"", "\"\"")}\",x\n");
                foreach (EcgExample example in new PtbXlDatabase(folder.Path).Load())
                    Expect(RecordMillivolts, example.Signal, name);
            }),
        };

        foreach (var (target, read) in targets)
            new FuzzCampaign($"names from data: {target}", typeof(DataFormatException))
                .Run(NameInputs, _ => data.NextName(), read, name => $"'{name}'")
                .AssertNoFindings(output);
    }

    [Fact]
    public void WfdbRecordAndLoader_RefuseHugeDeclaredSizes_WithoutAllocatingThem()
    {
        using var folder = new TemporaryFolder();
        var random = new Random(22);
        string[] signalCounts = ["0", "1", "2", "2", "3", "2147483647", "2147483648"];
        string[] sampleCounts = ["", "8", "8", "9", "0", "2147483648", "4611686018427387904", "9223372036854775807"];
        string[] rates = ["100", "100", "1e-300", "1e-46", "1e39", "1e308", "0.001"];
        string[] formats = ["16", "16", "212", "80", "310", "16+0", "16+2", "16+4294967296", "16+9223372036854775800"];
        long[] signalFileSizes = [32, 32, 0, 31, 33, (1L << 31) + 3, 5_000_000_000];
        var valid = TestRecords.Format16(TestRecords.Interleave(TrappedDataset.Signals));

        new FuzzCampaign("huge declared sizes: header and signal file", typeof(DataFormatException))
            .Run(600, _ =>
            {
                string nSig = Pick(random, signalCounts);
                int lines = Math.Clamp(int.TryParse(nSig, out int n) ? n : 3, 0, 3) + random.Next(-1, 2);
                string format = Pick(random, formats);
                string header = $"r {nSig} {Pick(random, rates)} {Pick(random, sampleCounts)}\n" +
                    string.Concat(Enumerable.Range(0, Math.Max(0, lines)).Select(s => $"r.dat {format} 200 16 0 0 0 0 s{s}\n"));
                return (Header: header, SignalBytes: Pick(random, signalFileSizes), Length: random.Next(2) == 0 ? (int?)8 : null);
            },
            input =>
            {
                folder.WriteText("r.hea", input.Header);
                if (input.SignalBytes == valid.Length) folder.WriteBytes("r.dat", valid);
                else SpecialFiles.MakeSparse(folder.Combine("r.dat"), input.SignalBytes);
                folder.WriteText("REFERENCE.csv", "r,N\n");
                // Whole records are capped at 16 samples: a sparse file that agrees with its header is a real (huge) record.
                var database = new Cinc2017Database(folder.Path, new Cinc2017Database.Options { Length = input.Length, MaximumLength = input.Length is null ? 16 : null });
                _ = database.SignalShape();
                _ = database.Load().ToList();
            },
            input => $"{input.Header}signal file of {input.SignalBytes} bytes, Length {input.Length}")
            .AssertNoFindings(output);

        long[] annotationSizes = [0, 1, 2, 3, 4, WfdbAnnotations.MaxFileBytes + 2, 1_500_000_000, 3L << 30];
        byte[] annotations = AnnotationFile.Generated();
        new FuzzCampaign("huge declared sizes: annotation file", typeof(DataFormatException))
            .Run(200, i => i % 3 == 0 ? -1 : Pick(random, annotationSizes),
                size =>
                {
                    if (size < 0) folder.WriteBytes("r.atr", annotations);
                    else SpecialFiles.MakeSparse(folder.Combine("r.atr"), size);
                    _ = WfdbAnnotations.Read(folder.Combine("r"), "atr");
                },
                size => size < 0 ? "the generated file" : $"a sparse file of {size} bytes")
            .AssertNoFindings(output);
    }

    [Fact]
    public void WfdbAnnotationsParse_RefusesEveryProperPrefix_OfAGeneratedFile() =>
        FuzzPrefixes(AnnotationFile.Generated(), "generated");

    [SkippableFact]
    public void WfdbAnnotationsParse_RefusesEveryProperPrefix_OfMitdb100()
    {
        string path = Path.Combine(RepositoryPaths.RequireDataset("mitdb"), "100.atr");
        FuzzPrefixes(File.ReadAllBytes(path), path);
    }

    // A proper prefix holds no end word (a 0 word at a word position ends the whole file too), so it must be refused:
    // accepting it would silently drop the annotations that were cut off.
    private void FuzzPrefixes(byte[] whole, string source)
    {
        Assert.NotEmpty(WfdbAnnotations.Parse(whole, source));
        new FuzzCampaign($"truncated annotations ({source})", typeof(WfdbFormatException))
            .Run(whole.Length, cut => cut,
                cut =>
                {
                    _ = WfdbAnnotations.Parse(whole.AsSpan(0, cut), source);
                    throw new InvalidOperationException($"a file cut to {cut} of {whole.Length} bytes was accepted");
                },
                cut => $"first {cut} bytes")
            .AssertNoFindings(output);
    }

    private static T Pick<T>(Random random, T[] values) => values[random.Next(values.Length)];

    private static void Expect(float[] expected, float[] actual, string name)
    {
        if (expected.Length != actual.Length || expected.Zip(actual).Any(p => Math.Abs(p.First - p.Second) > 1e-6f))
            throw new InvalidOperationException($"the name '{name}' read [{string.Join(", ", actual.Take(8))}], not the record inside the folder");
    }
}
