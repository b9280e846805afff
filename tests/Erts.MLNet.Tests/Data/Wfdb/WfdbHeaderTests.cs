using Erts.MLNet.Data.Wfdb;

namespace Erts.MLNet.Tests.Data.Wfdb;

public class WfdbHeaderTests
{
    private const string MitStyle =
        "100 2 360 650000\r\n" +
        "100.dat 212 200 11 1024 995 -22131 0 MLII\r\n" +
        "100.dat 212 200 11 1024 1011 20052 0 V5\r\n" +
        "# 69 M 1085 1629 x1\r\n";

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\n")]
    public void Parse_ReadsRecordAndSignalFields_WithEitherLineEnding(string newline)
    {
        var header = WfdbHeader.Parse(MitStyle.Replace("\r\n", newline), "100.hea");

        Assert.Equal("100", header.RecordName);
        Assert.Equal(360, header.SamplingFrequency);
        Assert.Equal(650000, header.SampleCount);
        Assert.Equal(["69 M 1085 1629 x1"], header.Comments);
        WfdbSignalInfo mlii = header.Signals[0];
        Assert.Equal(("100.dat", 212, 200.0, 1024, 11, 1024, 995, -22131, "MLII", "mV"),
            (mlii.FileName, mlii.Format.Code, mlii.AdcGain, mlii.Baseline, mlii.AdcResolution, mlii.AdcZero,
             mlii.InitialValue, mlii.Checksum, mlii.Description, mlii.Units));
        Assert.Equal(1, header.IndexOf("v5"));
        Assert.Equal(-1, header.IndexOf("V1"));
    }

    [Fact]
    public void Parse_ReadsGainBaselineUnitsAndByteOffset_InCompositeFields()
    {
        var header = WfdbHeader.Parse("A00001 1 300 9000 05:05:15 1/05/2000\nA00001.mat 16+24 1000.5(-3)/uV 16 0 -127 0 0 ECG lead I\n", "A00001.hea");

        WfdbSignalInfo s = header.Signals[0];
        Assert.Equal((24L, 1000.5, -3, "uV", "ECG lead I"), (s.ByteOffset, s.AdcGain, s.Baseline, s.Units, s.Description));
        Assert.Equal(("05:05:15", "1/05/2000"), (header.BaseTime, header.BaseDate));
    }

    [Fact]
    public void Parse_AppliesWfdbDefaults_WhenFieldsAreOmittedOrZero()
    {
        var header = WfdbHeader.Parse("r 2\nr.dat 212 0\nr.dat 212\n", "r.hea");

        Assert.Equal(WfdbHeader.DefaultSamplingFrequency, header.SamplingFrequency);
        Assert.Null(header.SampleCount);
        Assert.All(header.Signals, s => Assert.Equal(200, s.AdcGain)); // adc_gain 0 or absent means 200
        Assert.All(header.Signals, s => Assert.Equal(12, s.AdcResolution));
        Assert.All(header.Signals, s => Assert.Null(s.Checksum));
    }

    [Theory]
    [InlineData("r/3 2 360 1000\n", 1, "record_name", "multi-segment")]
    [InlineData("r 1 360 10\nr.dat 8 200\n", 2, "fmt", "unsupported signal format 8")]
    [InlineData("r 1 -360 10\nr.dat 16 200\n", 1, "fs", "must be positive")]
    [InlineData("r 2 360 10\nr.dat 16 200\n", 1, "n_sig", "1 signal lines")]
    [InlineData("r 1 360 10\n# note\nr.dat 16 abc\n", 3, "adc_gain", "'abc'")]
    [InlineData("r 1 360 10\nr.dat 212x2 200\n", 2, "samps_per_frame", "multi-frequency")]
    [InlineData("r 1 360 10\nr.dat 16 200 16 0 x\n", 2, "init_value", "'x'")]
    public void Parse_ThrowsNamingLineAndField_ForBadHeaders(string text, int line, string field, string fragment)
    {
        var error = Assert.Throws<WfdbFormatException>(() => WfdbHeader.Parse(text, "r.hea"));

        Assert.Equal(("r.hea", line, field), (error.FilePath, error.LineNumber, error.Field));
        Assert.Contains(fragment, error.Message);
    }

    [Fact]
    public void Read_Throws_WhenHeaderFileIsMissing()
    {
        var error = Assert.Throws<WfdbFormatException>(() => WfdbHeader.Read("/nonexistent/x.hea"));
        Assert.Contains("not found", error.Message);
    }

    [SkippableFact]
    public void Read_ThrowsWithoutBlocking_WhenHeaderIsAFifo()
    {
        using var folder = new TemporaryFolder();
        string fifo = SpecialFiles.MakeFifo(folder.Combine("r.hea"));

        Exception? error = SpecialFiles.ThrownWithin10Seconds(() => WfdbHeader.Read(fifo), fifo);

        Assert.Equal(fifo, Assert.IsType<WfdbFormatException>(error).FilePath);
        Assert.Contains("not a regular file", error!.Message);
    }

    [SkippableFact]
    public void Read_Throws_WhenHeaderIsALinkToDevZero()
    {
        Skip.IfNot(File.Exists("/dev/zero"), "no /dev/zero");
        using var folder = new TemporaryFolder();
        string link = SpecialFiles.MakeLink(folder.Combine("r.hea"), "/dev/zero");

        var error = Assert.Throws<WfdbFormatException>(() => WfdbHeader.Read(link));

        Assert.Contains("not a regular file", error.Message);
    }

    [Fact]
    public void Read_ThrowsBeforeReading_WhenHeaderIsLargerThanTheBound()
    {
        using var folder = new TemporaryFolder();
        string sparse = SpecialFiles.MakeSparse(folder.Combine("r.hea"), WfdbHeader.MaxFileBytes + 1);
        long before = GC.GetAllocatedBytesForCurrentThread();

        var error = Assert.Throws<WfdbFormatException>(() => WfdbHeader.Read(sparse));

        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, 1 << 20);
        Assert.Equal(sparse, error.FilePath);
    }

    [Theory]
    [InlineData("1e-300")]
    [InlineData("1e39")]
    public void Parse_ThrowsNamingFs_WhenTheSamplingFrequencyIsNoFloat(string fs)
    {
        var error = Assert.Throws<WfdbFormatException>(() => WfdbHeader.Parse($"r 1 {fs} 10\nr.dat 16 200 16 0 0 0 0 I\n", "r.hea"));

        Assert.Equal(("r.hea", 1, "fs"), (error.FilePath, error.LineNumber, error.Field));
    }
}
