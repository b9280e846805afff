using System.CommandLine;
using System.Globalization;
using Erts.Experiments.Datasets;
using Erts.Experiments.Grid;
using Erts.MLNet.Networks;

namespace Erts.Experiments.Commands;

/// <summary><c>grid</c>: runs (or resumes) the Full / PDD / ERTS comparison and regenerates docs/results.md.</summary>
internal static class GridCommand
{
    public static Command Create()
    {
        var quick = new Option<bool>("--quick") { Description = "Smoke test: tiny subsets, 1 seed, policies full and erts-dbpd, 2 epochs; writes under artifacts/grid-quick." };
        var datasets = new Option<string?>("--datasets") { Description = $"Comma-separated: {string.Join(", ", GridDatasets.All.Select(d => d.Name))}." };
        var policies = new Option<string?>("--policies") { Description = $"Comma-separated: {string.Join(", ", GridPolicy.All.Select(p => p.Label))}." };
        var backbones = new Option<string?>("--backbones") { Description = $"Comma-separated: {string.Join(", ", Enum.GetNames<Backbone>())}." };
        var seeds = new Option<string?>("--seeds") { Description = "Comma-separated seeds (default 1,2,3 for ResNet1d, 1 otherwise)." };
        var noise = new Option<string?>("--noise") { Description = "Comma-separated flipped-label shares: 0 = main arm, >0 = noise arm (default 0,0.1,0.2)." };
        var epochs = new Option<int?>("--epochs") { Description = "Epochs instead of each dataset's own (e.g. a short schedule for the 2-D backbones)." };
        var threads = new Option<int>("--threads") { Description = "Torch threads per cell (default 1: faster than 2 on a shared machine).", DefaultValueFactory = _ => GridPlan.DefaultThreads };
        var data = new Option<string?>("--data") { Description = "Folder holding mitdb/, cinc2017/, ptbxl/ (default: $ERTS_SHARED_DATA, else ../shared/data beside the repository)." };
        var output = new Option<string?>("--output") { Description = "Folder for results.json and grid.log (default: docs/grid/results.json and artifacts/grid/grid.log; with --quick, artifacts/grid-quick)." };
        var markdown = new Option<string?>("--markdown") { Description = "Markdown file whose grid section is regenerated (default docs/results.md; with --quick, results.md in the output folder)." };
        var command = new Command("grid", "Run or resume the Full / DBPD / SMRD / SRD / ERTS comparison grid; one results.json record per cell.")
        {
            quick, datasets, policies, backbones, seeds, noise, epochs, threads, data, output, markdown,
        };
        command.SetAction((result, cancellation) =>
        {
            bool isQuick = result.GetValue(quick);
            string root = Repository.Root();
            // The full grid's results.json is kept in the repository (docs/results.md is generated from it); logs and quick runs are not.
            string? folder = result.GetValue(output) ?? (isQuick ? Path.Combine(root, "artifacts", "grid-quick") : null);
            var settings = new GridSettings
            {
                Quick = isQuick,
                Datasets = List(result.GetValue(datasets), name => GridDatasets.Find(name).Name),
                Policies = List(result.GetValue(policies), label => GridPolicy.Find(label).Label),
                Backbones = List(result.GetValue(backbones), name => Enum.Parse<Backbone>(name, ignoreCase: true)),
                Seeds = List(result.GetValue(seeds), text => int.Parse(text, CultureInfo.InvariantCulture)),
                Noise = List(result.GetValue(noise), text => double.Parse(text, CultureInfo.InvariantCulture)),
                Epochs = result.GetValue(epochs),
                Threads = result.GetValue(threads),
                DataRoot = result.GetValue(data) ?? Repository.SharedData(root),
                ResultsPath = folder is null ? DefaultResults(root) : Path.Combine(folder, "results.json"),
                LogPath = Path.Combine(folder ?? Path.Combine(root, "artifacts", "grid"), "grid.log"),
                MarkdownPath = result.GetValue(markdown) ?? (folder is null ? Path.Combine(root, "docs", "results.md") : Path.Combine(folder, "results.md")),
            };
            var (ran, skipped, stopped) = new GridRunner(settings, Console.Out).Run(cancellation);
            Console.WriteLine($"{ran} cell(s) trained, {skipped} already done{(stopped ? "; stopped early (rerun to resume)" : "")}.");
            return Task.FromResult(stopped ? 130 : 0);
        });
        return command;
    }

    /// <summary>docs/grid/results.json under the repository root: the full grid's records, committed with docs/results.md.</summary>
    public static string DefaultResults(string root) => Path.Combine(root, "docs", "grid", "results.json");

    private static IReadOnlyList<T>? List<T>(string? text, Func<string, T> parse) =>
        text is null ? null : text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(parse).ToArray();
}
