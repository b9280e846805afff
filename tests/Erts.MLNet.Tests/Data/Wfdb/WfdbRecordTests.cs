using Erts.MLNet.Data.Wfdb;
using Erts.MLNet.Tests.Infrastructure;

namespace Erts.MLNet.Tests.Data.Wfdb;

public sealed class WfdbRecordTests : IDisposable
{
    private readonly TemporaryFolder folder = new();

    // Two signals of 9 samples, 12-bit range, including negative values.
    private static readonly int[] Lead0 = [10, -20, 30, -40, 2047, -2048, 0, 7, -7];
    private static readonly int[] Lead1 = [-1, 1, -100, 100, 500, -500, 3, 2, 1];

    public void Dispose() => folder.Dispose();

    private string Write212(string name = "r", string? header = null)
    {
        folder.WriteBytes(name + ".dat", TestRecords.Format212(TestRecords.Interleave(Lead0, Lead1)));
        folder.WriteText(name + ".hea", header ?? TestRecords.Header(name, name + ".dat", "212", 360, ["MLII", "V1"], [Lead0, Lead1]));
        return folder.Combine(name);
    }

    [Fact]
    public void ReadSignals_ReturnsEverySample_WhenReadingWholeRecord()
    {
        var record = WfdbRecord.Open(Write212());
        WfdbSignals all = record.ReadSignals();

        Assert.Equal(9, record.SampleCount);
        Assert.Equal(Lead0, all.AdcOf(0).ToArray());
        Assert.Equal(Lead1, all.AdcOf(1).ToArray());
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(3, 4)]
    [InlineData(5, 4)]
    [InlineData(8, 1)]
    [InlineData(9, 0)]
    public void ReadSignals_ReturnsTheWindowOnly_ForAnyStart(long start, int count)
    {
        var record = WfdbRecord.Open(Write212());
        WfdbSignals window = record.ReadSignals(start, count);

        Assert.Equal(Lead0.Skip((int)start).Take(count), window.AdcOf(0).ToArray());
        Assert.Equal(Lead1.Skip((int)start).Take(count), window.AdcOf(1).ToArray());
        Assert.Equal(start, window.StartSample);
    }

    [Fact]
    public void ReadSignals_HandlesFramesThatStraddle212Blocks_WithThreeSignals()
    {
        int[] lead2 = [5, 4, 3, 2, 1, 0, -1, -2, -3];
        folder.WriteBytes("t.dat", TestRecords.Format212(TestRecords.Interleave(Lead0, Lead1, lead2)));
        folder.WriteText("t.hea", TestRecords.Header("t", "t.dat", "212", 360, ["I", "II", "III"], [Lead0, Lead1, lead2]));
        var record = WfdbRecord.Open(folder.Combine("t"));

        WfdbSignals window = record.ReadSignals(3, 5, [2, 0]);

        Assert.Equal(lead2[3..8], window.AdcOf(0).ToArray());
        Assert.Equal(Lead0[3..8], window.AdcOf(1).ToArray());
        Assert.Equal(["III", "I"], window.Signals.Select(s => s.Description));
    }

    [Fact]
    public void ToPhysical_SubtractsBaselineAndDividesByGain_AndMapsInvalidToNaN()
    {
        string header = TestRecords.Header("r", "r.dat", "212", 360, ["MLII", "V1"], [Lead0, Lead1], gain: "20(10)/mV");
        var record = WfdbRecord.Open(Write212(header: header));

        float[] mv = record.ReadSignals(0, 6).ToPhysical();

        Assert.Equal([0f, -1.5f, 1f, -2.5f, 101.85f], mv[..5], new FloatTolerance(1e-4f));
        Assert.True(float.IsNaN(mv[5])); // -2048 is format 212's invalid sample
    }

    [Fact]
    public void Open_ReadsMatV4PayloadAfterByteOffset_ForFormat16Plus24()
    {
        int[] ecg = [-127, -162, -197, 300, 0, 12];
        folder.WriteBytes("A1.mat", TestRecords.Format16(ecg, offset: 24));
        folder.WriteText("A1.hea", TestRecords.Header("A1", "A1.mat", "16+24", 300, ["ECG"], [ecg], gain: "1000/mV", newline: "\r\n"));

        WfdbSignals read = WfdbRecord.Open(folder.Combine("A1")).ReadSignals(2, 3);

        Assert.Equal(ecg[2..5], read.AdcOf(0).ToArray());
    }

    [Fact]
    public void ReadSignals_Throws_WhenChecksumDisagrees()
    {
        string header = TestRecords.Header("r", "r.dat", "212", 360, ["MLII", "V1"], [Lead0, Lead1]).Replace($" {TestRecords.Checksum(Lead1)} 0 V1", " 12345 0 V1");
        var record = WfdbRecord.Open(Write212(header: header));

        var error = Assert.Throws<WfdbFormatException>(() => record.ReadSignals());

        Assert.Equal((3, "checksum"), (error.LineNumber, error.Field));
        Assert.Contains("12345", error.Message);
        record.ReadSignals(1, 8); // a window cannot be checked against the checksum: no error
    }

    [Fact]
    public void ReadSignals_ReportsInsteadOfThrowing_WhenOptionsAreInformative()
    {
        string header = TestRecords.Header("r", "r.dat", "212", 360, ["MLII", "V1"], [Lead0, Lead1])
            .Replace($"0 {Lead0[0]} {TestRecords.Checksum(Lead0)} 0 MLII", "0 99 0 0 MLII");
        var record = WfdbRecord.Open(Write212(header: header), WfdbReadOptions.Informative);

        record.ReadSignals();

        Assert.Equal(
            [new WfdbIntegrityIssue(0, "init_value", 99, 10), new WfdbIntegrityIssue(0, "checksum", 0, (ushort)TestRecords.Checksum(Lead0))],
            record.VerifyIntegrity());
        var strict = Assert.Throws<WfdbFormatException>(() => WfdbRecord.Open(folder.Combine("r")).ReadSignals(0, 2));
        Assert.Equal("init_value", strict.Field);
    }

    [Fact]
    public void Open_ThrowsNamingTheSignalFile_WhenItIsTruncated()
    {
        string path = Write212();
        byte[] bytes = File.ReadAllBytes(path + ".dat");
        File.WriteAllBytes(path + ".dat", bytes[..^3]);

        var error = Assert.Throws<WfdbFormatException>(() => WfdbRecord.Open(path));

        Assert.Equal(path + ".dat", error.FilePath);
        Assert.Contains("truncated", error.Message);
    }

    [Fact]
    public void Open_Throws_WhenSignalFileIsLongerThanTheHeaderSays()
    {
        string header = TestRecords.Header("r", "r.dat", "212", 360, ["MLII", "V1"], [Lead0, Lead1]).Replace("360 9", "360 8");

        var error = Assert.Throws<WfdbFormatException>(() => WfdbRecord.Open(Write212(header: header)));

        Assert.Contains("longer than the header says", error.Message);
    }

    [Fact]
    public void Open_ThrowsNamingTheHeaderLine_WhenSignalFileIsMissing()
    {
        string path = Write212();
        File.Delete(path + ".dat");

        var error = Assert.Throws<WfdbFormatException>(() => WfdbRecord.Open(path));

        Assert.Contains("not found", error.Message);
        Assert.Contains("r.hea:2", error.Message);
    }

    [Fact]
    public void Open_DerivesSampleCountFromFileSize_WhenHeaderOmitsIt()
    {
        string header = $"r 2 360\nr.dat 212 200 12 0 {Lead0[0]} 0 0 MLII\nr.dat 212 200 12 0 {Lead1[0]} 0 0 V1\n";
        var record = WfdbRecord.Open(Write212(header: header));

        Assert.Equal(9, record.SampleCount);
    }

    [Fact]
    public void ReadSignals_Throws_WhenWindowLeavesTheRecord()
    {
        var record = WfdbRecord.Open(Write212());
        Assert.Throws<ArgumentOutOfRangeException>(() => record.ReadSignals(5, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => record.ReadSignals(0, 1, [2]));
    }

    [Fact]
    public void Open_NeverModifiesTheSourceFiles_EvenWhenTheyAreBad()
    {
        string path = Write212(header: "r 2 360 9\nr.dat 212 200 12 0 0 1 0 MLII\nr.dat 212 200 12 0 0 1 0 V1\n");
        DateTime before = File.GetLastWriteTimeUtc(path + ".dat");
        byte[] content = File.ReadAllBytes(path + ".dat");

        Assert.Throws<WfdbFormatException>(() => WfdbRecord.Open(path).ReadSignals());

        Assert.Equal(content, File.ReadAllBytes(path + ".dat"));
        Assert.Equal(before, File.GetLastWriteTimeUtc(path + ".dat"));
    }

    [SkippableFact]
    public void VerifyIntegrity_AgreesWithEveryHeader_ForAllMitdbRecords()
    {
        string mitdb = RepositoryPaths.RequireDataset("mitdb");
        string[] records = File.ReadAllLines(Path.Combine(mitdb, "RECORDS")).Where(l => l.Length > 0).ToArray();
        Assert.Equal(48, records.Length);

        foreach (string name in records)
        {
            var record = WfdbRecord.Open(Path.Combine(mitdb, name));
            Assert.Equal((2, 360.0, 650000L), (record.Signals.Count, record.SamplingFrequency, record.SampleCount));
            Assert.Empty(record.VerifyIntegrity());
        }
    }

    [SkippableFact]
    public void VerifyIntegrity_AgreesWithEveryHeader_ForAllPtbxlRecords()
    {
        string ptbxl = RepositoryPaths.RequireDataset("ptbxl");
        string[] headers = Directory.GetFiles(Path.Combine(ptbxl, "records100"), "*.hea", SearchOption.AllDirectories);
        Assert.Equal(353, headers.Length);

        foreach (string header in headers)
        {
            var record = WfdbRecord.Open(header);
            Assert.Equal((12, 100.0, 1000L), (record.Signals.Count, record.SamplingFrequency, record.SampleCount));
            Assert.Empty(record.VerifyIntegrity());
        }
    }

    [SkippableFact]
    public void ReadSignals_MatchesMitdbHeaderInitialValues_ForAWindowAtTheStart()
    {
        var record = WfdbRecord.Open(Path.Combine(RepositoryPaths.RequireDataset("mitdb"), "114"));

        WfdbSignals start = record.ReadSignals(0, 360);

        // 114 has its leads swapped: V5 first, MLII second.
        Assert.Equal(["V5", "MLII"], start.Signals.Select(s => s.Description));
        Assert.Equal(record.Signals.Select(s => s.InitialValue!.Value), [start.AdcOf(0)[0], start.AdcOf(1)[0]]);
    }

    [Theory]
    [InlineData("../{outside}/secret.dat")]
    [InlineData("{outsidePath}/secret.dat")]
    [InlineData("sub/../../{outside}/secret.dat")]
    public void Open_ThrowsNamingTheHeaderLine_WhenASignalFileNameLeavesTheFolder(string name)
    {
        using var outside = new TemporaryFolder();
        string secret = outside.WriteBytes("secret.dat", new byte[12345]);
        name = name.Replace("{outsidePath}", outside.Path).Replace("{outside}", Path.GetFileName(outside.Path));
        string record = Write212(header: TestRecords.Header("r", name, "212", 360, ["MLII", "V1"], [Lead0, Lead1]));

        var error = Assert.Throws<WfdbFormatException>(() => WfdbRecord.Open(record));

        Assert.Equal((record + ".hea", 2, "file_name"), (error.FilePath, error.LineNumber, error.Field));
        Assert.DoesNotContain("12345", error.Message); // nothing about the file outside, not even its size
    }

    [SkippableFact]
    public void Open_Throws_WhenASignalFileIsALinkOutOfTheFolder()
    {
        using var outside = new TemporaryFolder();
        string record = Write212();
        File.Delete(record + ".dat");
        SpecialFiles.MakeLink(record + ".dat", outside.WriteBytes("secret.dat", TestRecords.Format212(TestRecords.Interleave(Lead0, Lead1))));

        var error = Assert.Throws<WfdbFormatException>(() => WfdbRecord.Open(record));

        Assert.Equal((record + ".hea", 2, "file_name"), (error.FilePath, error.LineNumber, error.Field));
        Assert.Contains("outside the dataset folder", error.Message);
    }

    [SkippableFact]
    public void Open_ThrowsWithoutBlocking_WhenASignalFileIsAFifoOrADirectory()
    {
        string record = Write212();
        File.Delete(record + ".dat");
        string fifo = SpecialFiles.MakeFifo(record + ".dat");

        Exception? error = SpecialFiles.ThrownWithin10Seconds(() => WfdbRecord.Open(record).ReadSignals(), fifo);

        Assert.Contains("not a regular file", Assert.IsType<WfdbFormatException>(error).Message);
        File.Delete(fifo);
        Directory.CreateDirectory(fifo);
        Assert.Contains("is a directory", Assert.Throws<WfdbFormatException>(() => WfdbRecord.Open(record)).Message);
    }

    [Theory]
    [InlineData("r 2 360 9223372036854775807", "16")]
    [InlineData("r 2 360 4611686018427387904", "212")]
    [InlineData("r 2 360 9", "16+9223372036854775800")]
    public void Open_SaysTheDeclaredSizeExceedsALong_InsteadOfAnOverflowedByteCount(string recordLine, string format)
    {
        string record = Write212(header: recordLine + "\n" + $"r.dat {format} 200 12 0 0 0 0 MLII\nr.dat {format} 200 12 0 0 0 0 V1\n");

        var error = Assert.Throws<WfdbFormatException>(() => WfdbRecord.Open(record));

        Assert.Equal("length", error.Field);
        Assert.Contains($"more than {long.MaxValue} bytes", error.Message);
        Assert.DoesNotContain("= -", error.Message);
    }

    [Fact]
    public void OpenAndReadSignals_StayLinear_ForAHeaderOf200000Signals()
    {
        // Each signal asked for was looked up in the request list (once per signal): 240,000 signals took 20 s.
        const int signals = 200_000;
        var header = new System.Text.StringBuilder($"r {signals} 360 1\n");
        for (int s = 0; s < signals; s++) header.Append($"r.dat 16 200 16 0 {s % 1000} {s % 1000} 0 s{s}\n");
        folder.WriteText("r.hea", header.ToString());
        folder.WriteBytes("r.dat", TestRecords.Format16(Enumerable.Range(0, signals).Select(s => s % 1000).ToArray()));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        WfdbSignals all = WfdbRecord.Open(folder.Combine("r")).ReadSignals();

        Assert.InRange(clock.Elapsed.TotalSeconds, 0, 15); // about 2 s here; 44 s before, on the loaded 2-core machine
        Assert.Equal((999, 1), (all.AdcOf(signals - 1)[0], all.AdcOf(1001)[0]));
    }

    private sealed class FloatTolerance(float tolerance) : IEqualityComparer<float>
    {
        public bool Equals(float x, float y) => Math.Abs(x - y) <= tolerance;
        public int GetHashCode(float obj) => 0;
    }
}
