using System.Globalization;
using Erts.Experiments.Datasets;
using Erts.MLNet.Networks;

namespace Erts.Experiments.Grid;

/// <summary>
/// Which cells a grid run trains: the main arm (the paper's seven policies plus erts-dbpd-fast x two 1-D backbones x three datasets, no noise;
/// InceptionTime1d with one seed, see <see cref="SeedsFor"/>) and the label-noise arm (Full, DBPD, ERTS-DBPD and ERTS-DBPD ranked by focus alone, on MIT-BIH with ResNet1d,
/// 10 % and 20 % flipped labels). Filters given in <see cref="GridSettings"/> replace an arm's own list.
/// </summary>
public static class GridPlan
{
    /// <summary>
    /// The main arm's policies: the paper's seven, plus erts-dbpd-fast (scores reused for 2 epochs, PDD's
    /// last-epoch revision), the setting that targets the cost goal (see <see cref="GridPolicy.All"/>).
    /// </summary>
    public static IReadOnlyList<string> MainPolicies { get; } = ["full", "dbpd", "smrd", "srd", "erts-dbpd", "erts-smrd", "erts-srd", "erts-dbpd-fast"];

    /// <summary>The noise arm's policies.</summary>
    public static IReadOnlyList<string> NoisePolicies { get; } = ["full", "dbpd", "erts-dbpd", "erts-dbpd-focus"];

    /// <summary>The main arm's backbones.</summary>
    public static IReadOnlyList<Backbone> MainBackbones { get; } = [Backbone.ResNet1d, Backbone.InceptionTime1d];

    /// <summary>Noise levels when none is given: the main arm and both noisy levels.</summary>
    public static IReadOnlyList<double> DefaultNoise { get; } = [0, 0.1, 0.2];

    /// <summary>Seeds of the primary cells.</summary>
    public static IReadOnlyList<int> Seeds { get; } = [1, 2, 3];

    /// <summary>Policies of a quick run when none is given.</summary>
    public static IReadOnlyList<string> QuickPolicies { get; } = ["full", "erts-dbpd"];

    /// <summary>
    /// Torch threads per cell: 1. The grid's networks are small 1-D convolutions that gain little from a second
    /// thread, and on a machine shared with other jobs OpenMP's barrier spinning made 2 threads 6x slower than 1
    /// (a MIT-BIH epoch: 28.6 s vs 4.4 s, load average ~13 on 2 cores).
    /// </summary>
    public const int DefaultThreads = 1;

    /// <summary>Epochs of every quick cell.</summary>
    public const int QuickEpochs = 2;

    /// <summary>The cells, dataset by dataset, then backbone, noise, seed, policy (so each seed completes a policy set).</summary>
    public static IReadOnlyList<GridCell> Cells(GridSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var cells = new List<GridCell>();
        foreach (double noise in settings.Noise ?? (settings.Quick ? [0] : DefaultNoise))
        {
            bool main = noise == 0;
            var datasets = settings.Datasets ?? (main ? GridDatasets.Comparison : ["mitbih"]);
            var policies = settings.Policies ?? (settings.Quick ? QuickPolicies : main ? MainPolicies : NoisePolicies);
            foreach (string dataset in datasets)
                foreach (Backbone backbone in settings.Backbones ?? BackbonesFor(main && !settings.Quick))
                    foreach (int seed in settings.Seeds ?? SeedsFor(dataset, backbone, settings.Quick))
                        foreach (string policy in policies)
                            cells.Add(new GridCell(dataset, backbone, GridPolicy.Find(policy).Label, seed, noise));
        }
        return cells.OrderBy(c => Index(GridDatasets.All.Select(d => d.Name).ToList(), c.Dataset))
            .ThenBy(c => c.Backbone).ThenBy(c => c.Noise).ThenBy(c => c.Seed)
            .ThenBy(c => Index(GridPolicy.All.Select(p => p.Label).ToList(), c.Policy))
            .Distinct().ToList();
    }

    /// <summary>
    /// Backbones when none is given: both 1-D backbones in the main arm, ResNet1d alone in the noise arm.
    /// InceptionTime keeps the full time resolution and costs about 7x ResNet1d per sample (a CinC 2017 cell about
    /// 10 CPU minutes), so it runs one seed (<see cref="SeedsFor"/>): the budget prefers fewer seeds on secondary
    /// cells over fewer policies or datasets.
    /// </summary>
    public static IReadOnlyList<Backbone> BackbonesFor(bool mainArm) => mainArm ? MainBackbones : [Backbone.ResNet1d];

    /// <summary>
    /// Seeds of a cell when none is given: three for ResNet1d (the primary backbone); one for InceptionTime1d
    /// and the 2-D backbones, whose cells cost several times more (the budget prefers fewer seeds on secondary
    /// cells over fewer policies); one in a quick run.
    /// </summary>
    public static IReadOnlyList<int> SeedsFor(string dataset, Backbone backbone, bool quick) =>
        quick || backbone != Backbone.ResNet1d ? Seeds.Take(1).ToArray() : Seeds;

    /// <summary>Epochs of a cell: <see cref="QuickEpochs"/> when quick, else the override, else the dataset's own.</summary>
    public static int EpochsFor(GridDataset dataset, GridSettings settings) =>
        settings.Quick ? QuickEpochs : settings.Epochs ?? dataset.Epochs;

    private static int Index(List<string> order, string value) => order.FindIndex(v => string.Equals(v, value, StringComparison.OrdinalIgnoreCase));
}
