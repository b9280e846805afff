using Erts.Cli.Commands;
using Erts.Cli.Tests.Infrastructure;

namespace Erts.Cli.Tests.Commands;

/// <summary>What <c>erts train</c> says about label files that are well formed but odd (data-schemas/README.md).</summary>
public sealed class LabelFileErrorsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>A CinC 2017 folder of 120-sample single-lead records (format 16 in a MAT v4 file) and the given label file.</summary>
    private string Cinc2017(int records, string reference)
    {
        string data = _folder.Combine("cinc2017");
        Directory.CreateDirectory(data);
        for (int i = 1; i <= records; i++)
        {
            string name = $"A{i:00000}";
            var samples = new byte[24 + 2 * 120];
            for (int k = 0; k < 120; k++) BitConverter.TryWriteBytes(samples.AsSpan(24 + 2 * k), (short)((k * 7 * i) % 50 - 25));
            File.WriteAllBytes(Path.Combine(data, name + ".mat"), samples);
            File.WriteAllText(Path.Combine(data, name + ".hea"), $"{name} 1 300 120\n{name}.mat 16+24 1000/mV 16 0 0 0 0 I\n");
        }
        File.WriteAllText(Path.Combine(data, "REFERENCE.csv"), reference);
        return data;
    }

    private CliRun Train(string data) => CliRun.Invoke(["train", "--dataset", "cinc2017", "--data", data, "--network", "SmallCnn1d",
        "--epochs", "1", "--policy", "full", "--threads", "1", "--explain-examples", "0", "--out", _folder.Combine("out")]);

    [Fact]
    public void Train_FailsInOneLine_NamingBothLines_WhenARecordHasTwoLabels()
    {
        string data = Cinc2017(2, "A00001,N\nA00002,A\nA00001,A\n");

        var run = Train(data);

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Equal($"erts: error: {Path.Combine(data, "REFERENCE.csv")}:3: field 'label': record 'A00001' is labelled 'A' here but 'N' on line 1; a record has one label",
            Assert.Single(run.ErrorLines));
    }

    [Fact]
    public void Train_FailsInOneLine_WhenTheLabelFileHasOneClass()
    {
        var run = Train(Cinc2017(2, "A00001,N\nA00002,N\n"));

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Contains("found 1 class(es); a classifier needs at least two", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public void Train_ShowsTheDataWarnings_InTheSplitsLine_WhenARecordIsListedTwice()
    {
        string data = Cinc2017(20, string.Join('\n', Enumerable.Range(1, 20).Select(i => $"A{i:00000},{(i % 2 == 0 ? "N" : "A")}")) + "\nA00004,N\n");

        var run = Train(data);

        Assert.True(run.ExitCode == ExitCodes.Success, run.Error);
        // The console wraps long lines at its width: join them back.
        string output = string.Join(' ', run.Output.Split('\n').Select(line => line.TrimEnd()));
        string splits = output[output.IndexOf("splits:", StringComparison.Ordinal)..output.IndexOf("training ", StringComparison.Ordinal)];
        Assert.Contains($"data warning: {Path.Combine(data, "REFERENCE.csv")}:21: field 'record': record 'A00004' is listed again with the same label 'N' (first on line 4); kept once", splits);
        Assert.Contains("train 16 ", splits);
    }
}
