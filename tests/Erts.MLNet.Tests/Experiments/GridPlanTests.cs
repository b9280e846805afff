using Erts.Experiments.Grid;
using Erts.MLNet.Networks;

namespace Erts.MLNet.Tests.Experiments;

public class GridPlanTests
{
    private static GridSettings Settings(bool quick = false) => new() { Quick = quick, DataRoot = "", ResultsPath = "", LogPath = "" };

    [Fact]
    public void Cells_CoverTheMainAndNoiseArms_ByDefault()
    {
        var cells = GridPlan.Cells(Settings());

        // Main: 3 datasets x 8 policies (the paper's 7 + erts-dbpd-fast) x 3 seeds on ResNet1d + 3 datasets x 8
        // policies x 1 seed on InceptionTime1d; noise: 2 levels x 4 policies x 3 seeds (MIT-BIH, ResNet1d).
        Assert.Equal(3 * 8 * 3 + 3 * 8 + 2 * 4 * 3, cells.Count);
        var inception = cells.Where(c => c.Backbone == Backbone.InceptionTime1d).ToList();
        Assert.All(inception, c => Assert.Equal((1, 0.0), (c.Seed, c.Noise)));
        Assert.Equal(["cinc2017", "mitbih", "ptbxl"], inception.Select(c => c.Dataset).Distinct().Order());
        Assert.Equal(cells.Count, cells.Distinct().Count());
        Assert.All(cells.Where(c => c.Noise > 0), c => Assert.Equal(("mitbih", Backbone.ResNet1d), (c.Dataset, c.Backbone)));
        Assert.Contains(new GridCell("mitbih", Backbone.ResNet1d, "erts-dbpd-focus", 3, 0.2), cells);
        Assert.DoesNotContain(cells, c => c.Policy == "erts-dbpd-focus" && c.Noise == 0);
    }

    [Fact]
    public void Cells_AreQuick_OneSeedTwoPoliciesResNetOnly()
    {
        var cells = GridPlan.Cells(Settings(quick: true) with { Datasets = ["synthetic"] });

        Assert.Equal(
            [new GridCell("synthetic", Backbone.ResNet1d, "full", 1, 0), new GridCell("synthetic", Backbone.ResNet1d, "erts-dbpd", 1, 0)],
            cells);
    }

    [Fact]
    public void Cells_UseTheFiltersInsteadOfTheArmsLists()
    {
        var cells = GridPlan.Cells(Settings() with
        {
            Datasets = ["cinc2017"], Backbones = [Backbone.InceptionTime1d], Policies = ["full", "erts-srd"], Seeds = [7], Noise = [0, 0.1],
        });

        Assert.Equal(4, cells.Count);
        Assert.All(cells, c => Assert.Equal(("cinc2017", Backbone.InceptionTime1d, 7), (c.Dataset, c.Backbone, c.Seed)));
        Assert.Equal(["full", "erts-srd", "full", "erts-srd"], cells.Select(c => c.Policy));
    }

    [Fact]
    public void Cells_RunEachSeedsPoliciesTogether_SoAStoppedRunHasCompleteSeeds()
    {
        var cells = GridPlan.Cells(Settings() with { Datasets = ["mitbih"], Backbones = [Backbone.ResNet1d], Noise = [0] });
        Assert.Equal(Enumerable.Repeat(1, 8).Concat(Enumerable.Repeat(2, 8)).Concat(Enumerable.Repeat(3, 8)), cells.Select(c => c.Seed));
    }
}
