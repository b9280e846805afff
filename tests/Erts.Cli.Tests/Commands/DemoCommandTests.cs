using System.Text.Json;
using Erts.Cli.Commands;
using Erts.Cli.Tests.Infrastructure;

namespace Erts.Cli.Tests.Commands;

public class DemoCommandTests
{
    [Fact]
    public void Demo_ComparesFullWithErts_AndStatesItsChoices()
    {
        using var folder = new TempFolder();

        var run = CliRun.Invoke("demo", "--epochs", "4", "--examples-per-class", "10", "--threads", "1", "--out", folder.Path);

        Assert.True(run.ExitCode == ExitCodes.Success, run.Error);
        Assert.Contains("SmallCnn1d", run.Output);
        Assert.Contains("4 epochs: warm-up 1", run.Output);
        Assert.Contains("full training vs ERTS", run.Output);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder.Path, "results.json")));
        var policies = json.RootElement.GetProperty("runs").EnumerateArray()
            .Select(r => r.GetProperty("training").GetProperty("policy").GetString()!).ToArray();
        Assert.Equal(["full", "erts-dbpd"], policies);
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(folder.Path, "plots"), "gradcam-*.png"));
    }
}
