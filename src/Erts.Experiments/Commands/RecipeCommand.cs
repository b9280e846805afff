using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Erts.Experiments.Recipe;
using Erts.Experiments.Reporting;
using Microsoft.ML;

namespace Erts.Experiments.Commands;

/// <summary>
/// <c>recipe</c>: the networks with the practical recipe beside the field on the same split (FastTree on hand-made
/// features, the PyTorch peer), mean ± sd over seeds; resumes from its results.json and regenerates its section of
/// docs/results.md.
/// </summary>
internal static class RecipeCommand
{
    /// <summary>Models a run can include.</summary>
    private static readonly string[] ModelNames = ["network", "fused", "fasttree", "peer"];

    public static Command Create()
    {
        var datasets = new Option<string?>("--datasets") { Description = $"Comma-separated: {string.Join(", ", RecipeDatasets.All.Select(d => d.Name))} (default all)." };
        var models = new Option<string?>("--models") { Description = "Comma-separated: network (signal only), fused (network + features), fasttree, peer (default all)." };
        var policies = new Option<string?>("--policies") { Description = "Network policies, comma-separated (default full,erts-dbpd)." };
        var seeds = new Option<string?>("--seeds") { Description = "Comma-separated seeds (default 1,2,3)." };
        var epochs = new Option<int?>("--epochs") { Description = "Epochs instead of each dataset's own (a smoke test; results then go elsewhere)." };
        var threads = new Option<int>("--threads") { Description = "Torch, FastTree and peer threads (default 2).", DefaultValueFactory = _ => 2 };
        var data = new Option<string?>("--data") { Description = "Folder holding cinc2017/, mitdb/, ptbxl/ (default: $ERTS_SHARED_DATA, else ../shared/data)." };
        var peer = new Option<string?>("--peer-script") { Description = "The PyTorch peer (default ../shared/peers/cinc2017_recipe_torch.py beside the repository)." };
        var output = new Option<string?>("--results") { Description = "results.json to add to (default docs/recipe/results.json)." };
        var markdown = new Option<string?>("--markdown") { Description = "Markdown file whose recipe section is regenerated (default docs/results.md)." };
        var command = new Command("recipe", "Train the networks with the practical recipe beside FastTree and the PyTorch peer on the same splits; one results.json record per run.")
        {
            datasets, models, policies, seeds, epochs, threads, data, peer, output, markdown,
        };
        command.SetAction((result, cancellation) =>
        {
            string root = Repository.Root();
            var chosen = List(result.GetValue(datasets), RecipeDatasets.Find) ?? RecipeDatasets.All;
            var modelList = List(result.GetValue(models), name => ModelNames.Contains(name) ? name : throw new ArgumentException($"Unknown model '{name}'; use {string.Join(", ", ModelNames)}.")) ?? ModelNames;
            var policyList = List(result.GetValue(policies), p => p) ?? ["full", "erts-dbpd"];
            var seedList = List(result.GetValue(seeds), s => int.Parse(s, CultureInfo.InvariantCulture)) ?? [1, 2, 3];
            int threadCount = result.GetValue(threads);
            string dataRoot = result.GetValue(data) ?? Repository.SharedData(root);
            string peerScript = result.GetValue(peer) ?? Path.GetFullPath(Path.Combine(root, "..", "shared", "peers", "cinc2017_recipe_torch.py"));
            var file = new RecipeResultsFile(result.GetValue(output) ?? Path.Combine(root, "docs", "recipe", "results.json"));
            string markdownPath = result.GetValue(markdown) ?? Path.Combine(root, "docs", "results.md");

            foreach (var dataset in chosen)
            {
                string folder = Path.Combine(dataRoot, dataset.FolderName);
                if (!Directory.Exists(folder))
                {
                    Console.WriteLine($"{dataset.Name}: skipped, no data at {folder}");
                    continue;
                }
                var mlContext = new MLContext(seed: 1);
                var clock = Stopwatch.StartNew();
                var prepared = dataset.Prepare(mlContext, folder);
                Console.WriteLine($"{dataset.Name}: {prepared.Description} (prepared lazily; {clock.Elapsed.TotalSeconds:F0} s)");
                var runner = new RecipeRunner(mlContext, dataset, prepared, threadCount, Console.Out, result.GetValue(epochs));

                void Run(string model, int seed, Func<RecipeResult?> train)
                {
                    if (cancellation.IsCancellationRequested || file.Has(dataset.Name, model, seed)) return;
                    Console.WriteLine($"{dataset.Name}: {model}, seed {seed} ...");
                    if (train() is not { } done) return;
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{dataset.Name}: {model}, seed {seed}: {dataset.HeadlineName} {done.Headline:F3}, macro-F1 {done.MacroF1:F3}, {done.FitSeconds:F0} s"));
                    using var held = file.Lock();
                    file.Add(done);
                    MarkdownSection.Update(markdownPath, RecipeMarkdown.Render(file.Read(), RecipeDatasets.All), RecipeMarkdown.Section, "erts-experiments recipe");
                }

                if (modelList.Contains("fasttree")) Run(RecipeRunner.FastTreeLabel, 0, runner.FastTree);
                foreach (int seed in seedList)
                {
                    if (modelList.Contains("peer") && dataset.HasPeer) Run(RecipeRunner.PeerLabel, seed, () => runner.Peer(peerScript, folder, seed));
                    foreach (string policy in policyList)
                    {
                        if (modelList.Contains("network") && dataset.HasSignalOnlyNetwork) Run(RecipeRunner.NetworkLabel(policy, fused: false), seed, () => runner.Network(policy, seed, fused: false));
                        if (modelList.Contains("fused")) Run(RecipeRunner.NetworkLabel(policy, fused: true), seed, () => runner.Network(policy, seed, fused: true));
                    }
                }
            }
            using (file.Lock())
                MarkdownSection.Update(markdownPath, RecipeMarkdown.Render(file.Read(), RecipeDatasets.All), RecipeMarkdown.Section, "erts-experiments recipe");
            return Task.FromResult(cancellation.IsCancellationRequested ? 130 : 0);
        });
        return command;
    }

    private static IReadOnlyList<T>? List<T>(string? text, Func<string, T> parse) =>
        text is null ? null : text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(parse).ToArray();
}
