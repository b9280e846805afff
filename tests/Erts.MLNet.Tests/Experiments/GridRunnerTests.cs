using Erts.Experiments.Grid;
using Erts.Experiments.Reporting;
using Erts.MLNet.Networks;

namespace Erts.MLNet.Tests.Experiments;

public sealed class GridRunnerTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("erts-grid-").FullName;

    private GridSettings QuickSynthetic(params string[] policies) => new()
    {
        Quick = true,
        Datasets = ["synthetic"],
        Policies = policies,
        DataRoot = _folder,
        ResultsPath = Path.Combine(_folder, "results.json"),
        LogPath = Path.Combine(_folder, "grid.log"),
        MarkdownPath = Path.Combine(_folder, "results.md"),
    };

    [Fact]
    public void Run_SkipsTheCellAnotherProcessIsTraining_AndTrainsTheRest()
    {
        var settings = QuickSynthetic("full", "erts-dbpd");
        using (var elsewhere = CellClaim.TryTake(settings.ResultsPath, new GridCell("synthetic", Backbone.ResNet1d, "full", 1, 0)))
        {
            Assert.NotNull(elsewhere);
            Assert.Equal((1, 1, false), new GridRunner(settings).Run(CancellationToken.None));
        }

        Assert.Equal(["erts-dbpd"], ResultsFile.Load(settings.ResultsPath).Results.Select(r => r.Cell.Policy));
        Assert.Contains("synthetic/ResNet1d/full/noise0/seed1: being trained by another grid process", File.ReadAllText(settings.LogPath));
    }

    [Fact]
    public void Run_TrainsQuickCells_ThenSkipsThemOnResume()
    {
        var first = new GridRunner(QuickSynthetic("erts-dbpd")).Run(CancellationToken.None);
        var second = new GridRunner(QuickSynthetic("erts-dbpd")).Run(CancellationToken.None);

        Assert.Equal((1, 0, false), first);
        Assert.Equal((0, 1, false), second);
        var result = Assert.Single(ResultsFile.Load(Path.Combine(_folder, "results.json")).Results);
        Assert.Equal(new GridCell("synthetic", Backbone.ResNet1d, "erts-dbpd", 1, 0), result.Cell);
        Assert.Equal(2, result.Epochs);
        Assert.InRange(result.EffectiveEpochs, 1, 2);          // epoch 0 keeps the unlearned rows, epoch 1 filters them by focus
        Assert.InRange(result.MacroF1, 0, 1);
        Assert.True(result.WallClockSeconds > 0 && result.CpuSeconds > 0);
        Assert.StartsWith("synthetic; 2 epochs; quick", result.Protocol);
        Assert.Contains(MarkdownSection.Begin, File.ReadAllText(Path.Combine(_folder, "results.md")));
        Assert.Contains("[1/1] synthetic/ResNet1d/erts-dbpd/noise0/seed1", File.ReadAllText(Path.Combine(_folder, "grid.log")));
    }

    [Fact]
    public void Run_StopsBeforeTraining_WhenAlreadyCancelled()
    {
        var outcome = new GridRunner(QuickSynthetic("full")).Run(new CancellationToken(canceled: true));

        Assert.Equal((0, 0, true), outcome);
        Assert.False(File.Exists(Path.Combine(_folder, "results.json")));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
