using Erts.Cli.Commands;
using Erts.Cli.Tests.Infrastructure;

namespace Erts.Cli.Tests;

public class ErtsCommandLineTests
{
    [Theory]
    [InlineData("train --epochs 0", "--epochs must be at least 1 (got 0)")]
    [InlineData("train --tau 1.5", "--tau must be in [0, 1] (got 1.5)")]
    [InlineData("train --rho 0", "--rho must be in (0, 1] (got 0)")]
    [InlineData("train --policy fastest", "--policy is not a known policy")]
    [InlineData("compare --policies full,nope", "--policies must name known policies")]
    [InlineData("compare --seeds 1,x", "--seeds: 'x' is not an integer")]
    [InlineData("train --no-such-option", "Unrecognized command or argument '--no-such-option'")]
    [InlineData("evaluate", "Option '--model' is required")]
    [InlineData("train --dataset incartdb --epochs 1", "--dataset incartdb: erts can download and verify it but cannot train on it yet")]
    [InlineData("datasets download mitdb --source-url ftp://mirror/mitdb/", "--source-url 'ftp://mirror/mitdb/' must be an absolute http:// or https:// address")]
    public void Run_PrintsOneErrorLineAndReturnsUsage_ForBadCommandLine(string commandLine, string expected)
    {
        var run = CliRun.Invoke(commandLine.Split(' '));

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Single(run.ErrorLines);
        Assert.StartsWith("erts: error: ", run.ErrorLines[0]);
        Assert.Contains(expected, run.Error);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public void Run_ReturnsUsage_ForUnknownDataset()
    {
        var run = CliRun.Invoke("train", "--dataset", "nope", "--epochs", "1");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Equal(["erts: error: unknown dataset 'nope'; known: synthetic, mitdb, ptbxl, cinc2017, cpsc-2018, georgia, incartdb, svdb."], run.ErrorLines);
    }

    [Fact]
    public void Run_ReturnsUsage_ForQuietWithJson()
    {
        var run = CliRun.Invoke("datasets", "list", "--quiet", "--json");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--quiet and --json cannot be combined", run.Error);
    }

    [Fact]
    public void Run_ReportsMissingModelInOneLineWithoutStackTrace_UnlessVerbose()
    {
        string missing = Path.Combine(Path.GetTempPath(), "erts-no-such-model.zip");

        var quiet = CliRun.Invoke("evaluate", "--model", missing);
        var verbose = CliRun.Invoke("evaluate", "--model", missing, "--verbose");

        Assert.Equal(ExitCodes.Failure, quiet.ExitCode);
        Assert.Equal([$"erts: error: model file not found: {missing}"], quiet.ErrorLines);
        Assert.Equal(ExitCodes.Failure, verbose.ExitCode);
        Assert.Contains("FileNotFoundException", verbose.Error);
        Assert.Contains(" at ", verbose.Error);
    }

    [Fact]
    public void Run_ReturnsUsage_WhenRevisionStartsBeforeWarmupEnds()
    {
        var run = CliRun.Invoke("train", "--epochs", "10", "--warmup", "4", "--revision-start", "2");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--revision-start 2 must not come before the end of warm-up", run.Error);
    }

    [Fact]
    public void Run_ShowsEveryCommandInHelp()
    {
        var run = CliRun.Invoke("--help");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        foreach (string command in new[] { "demo", "train", "evaluate", "explain", "compare", "datasets" })
            Assert.Contains(command, run.Output);
    }
}
