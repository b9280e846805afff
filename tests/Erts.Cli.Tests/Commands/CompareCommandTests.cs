using System.Text.Json;
using Erts.Cli.Commands;
using Erts.Cli.Tests.Infrastructure;

namespace Erts.Cli.Tests.Commands;

public class CompareCommandTests
{
    [Fact]
    public void Compare_TrainsEveryPolicyWithEverySeed_AndPrintsTheTables()
    {
        using var folder = new TempFolder();

        var run = CliRun.Invoke(["compare", .. TrainedModelFixture.TinyData, "--network", "SmallCnn1d", "--epochs", "2", "--threads", "1",
            "--policies", "full,dbpd", "--seeds", "1,2", "--out", folder.Path]);

        Assert.True(run.ExitCode == ExitCodes.Success, run.Error);
        Assert.Contains("mean ± sd over seeds", run.Output);
        Assert.Contains("full seed 2: epoch 2/2", run.Output);   // plain progress lines when output is redirected
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder.Path, "results.json")));
        var names = json.RootElement.GetProperty("runs").EnumerateArray().Select(r => r.GetProperty("name").GetString()!).ToArray();
        Assert.Equal(["full seed 1", "dbpd seed 1", "full seed 2", "dbpd seed 2"], names);
        Assert.True(File.Exists(Path.Combine(folder.Path, "plots", "f1-vs-seconds.png")));
    }
}
