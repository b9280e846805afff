using System.CommandLine;
using System.Globalization;
using System.Text;
using Erts.Experiments.Recipe;
using Erts.Experiments.Reporting;
using Erts.MLNet.Data;
using Erts.Pipelines;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Erts.Experiments.Commands;

/// <summary>
/// <c>logit-adjustment</c>: MIT-BIH's recipe network is trained on rebalanced classes (N capped, class-balanced loss),
/// so on the real, N-heavy population it over-calls S, V and F. Adding τ · log(prior) to its log-probabilities (logit
/// adjustment, Menon et al. 2021) moves the decision back towards the real class frequencies. τ is chosen on DS1
/// alone: two folds of DS1 patients, each model scoring the patients it never saw; DS2 is scored once per seed at
/// τ = 0 and at the chosen τ.
/// </summary>
/// <remarks>
/// Parts run separately (they take tens of minutes each and can run side by side): <c>dev</c> trains the two folds,
/// <c>test</c> trains the recipe's models on all DS1, <c>report</c> chooses τ and writes the figures. Scores go to
/// <c>artifacts/logit-adjustment/</c>, figures to docs/recipe/results.json and docs/results.md.
/// </remarks>
internal static class LogitAdjustmentCommand
{
    /// <summary>τ values tried on the development folds.</summary>
    private static readonly double[] Taus = Enumerable.Range(0, 41).Select(i => i * 0.1).ToArray();

    /// <summary>The model label of the adjusted runs in the recipe results.</summary>
    private const string AdjustedLabel = "ResNet1d + features, full + logit adjustment";

    public static Command Create()
    {
        var part = new Option<string>("--part") { Description = "dev (train on DS1 patient folds), test (train on DS1, score DS2) or report.", Required = true };
        var seeds = new Option<string?>("--seeds") { Description = "Comma-separated seeds of the test part (default 1,2,3)." };
        var threads = new Option<int>("--threads") { Description = "Torch threads (default 1).", DefaultValueFactory = _ => 1 };
        var data = new Option<string?>("--data") { Description = "Folder holding mitdb/ (default: $ERTS_SHARED_DATA, else ../shared/data)." };
        var command = new Command("logit-adjustment", "Choose a logit adjustment for the MIT-BIH recipe network on DS1 patients, apply it to DS2.")
        {
            part, seeds, threads, data,
        };
        command.SetAction((result, cancellation) =>
        {
            string root = Repository.Root();
            string folder = Path.Combine(result.GetValue(data) ?? Repository.SharedData(root), "mitdb");
            string scores = Path.Combine(root, "artifacts", "logit-adjustment");
            var seedList = (result.GetValue(seeds) ?? "1,2,3").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
            int threadCount = result.GetValue(threads);
            var (ds1, ds2) = MitBihRecipe.LoadBeats(folder);
            switch (result.GetValue(part))
            {
                case "dev":
                    var folds = PatientFolds(ds1);
                    for (int fold = 0; fold < 2; fold++)
                    {
                        var heldOut = folds[fold];
                        Console.WriteLine($"fold {fold}: held-out patients {string.Join(" ", heldOut.Order())}");
                        var trainPatients = ds1.Where(b => !heldOut.Contains(Patient(b))).ToList();
                        var (train, validation) = MitBihRecipe.TrainAndValidation(trainPatients, MitBihRecipe.NormalTrainBeats / 2, 1_000);
                        var held = ds1.Where(b => heldOut.Contains(Patient(b))).ToList();
                        Train(threadCount, seed: 1, train, validation, held).Save(Path.Combine(scores, $"dev-fold{fold}.json"));
                    }
                    return Task.FromResult(0);
                case "test":
                    foreach (int seed in seedList)
                    {
                        var (train, validation) = MitBihRecipe.TrainAndValidation(ds1, MitBihRecipe.NormalTrainBeats, 2_000);
                        Train(threadCount, seed, train, validation, ds2).Save(Path.Combine(scores, $"test-seed{seed}.json"));
                    }
                    return Task.FromResult(0);
                case "report":
                    Report(root, scores, Prior(ds1), seedList, threadCount, ds2.Count);
                    return Task.FromResult(0);
                default:
                    throw new ArgumentException("--part is dev, test or report.");
            }
        });
        return command;
    }

    /// <summary>The recipe network (fused, full, the recipe's options) trained on <paramref name="train"/>, its probabilities on <paramref name="scored"/>.</summary>
    private static ScoredRows Train(int threads, int seed, List<EcgExample> train, List<EcgExample> validation, List<EcgExample> scored)
    {
        var mlContext = new MLContext(seed: 1);
        var data = MitBihRecipe.Parts(mlContext, train, validation, scored);
        Console.WriteLine(data.Description);
        var options = new MitBihRecipe().NetworkOptions("full", seed, fused: true, data.FusedColumn);
        options.Threads = threads;
        using var result = ErtsPipeline.TrainAndEvaluate(mlContext, new EstimatorChain<ITransformer>(), options, data.Train, data.Validation, data.Test);
        Console.WriteLine($"seed {seed}: {result.Test} ({result.FitSeconds:F0} s)");
        return ScoredRows.Score(result.Model, result.Classifier.ClassNames, data.Test, scored.Select(b => b.Label).ToArray());
    }

    /// <summary>
    /// DS1's patients in two folds with about equal S beats: patients in decreasing order of S beats, dealt A, B, B, A, A, B, ...
    /// (S beats sit in a few records, so a random split could leave one fold with almost none).
    /// </summary>
    private static HashSet<string>[] PatientFolds(List<EcgExample> ds1)
    {
        var order = ds1.GroupBy(Patient).OrderByDescending(g => g.Count(b => b.Label == "S")).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).ToArray();
        HashSet<string>[] folds = [new(), new()];
        for (int i = 0; i < order.Length; i++) folds[(i % 4 is 0 or 3) ? 0 : 1].Add(order[i]);
        return folds;
    }

    private static string Patient(EcgExample beat) => beat.PatientId ?? beat.RecordId.Split('/')[0];

    /// <summary>DS1's class frequencies (every beat, before N is capped): the population a deployed model meets.</summary>
    private static Dictionary<string, double> Prior(List<EcgExample> ds1) =>
        ds1.GroupBy(b => b.Label).ToDictionary(g => g.Key, g => (double)g.Count() / ds1.Count);

    private static void Report(string root, string scores, Dictionary<string, double> prior, int[] seeds, int threads, int testRows)
    {
        var dataset = new MitBihRecipe();
        var dev = ScoredRows.Load(Path.Combine(scores, "dev-fold0.json")).Concat(ScoredRows.Load(Path.Combine(scores, "dev-fold1.json")));
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"DS1 prior: {string.Join(", ", prior.OrderBy(p => p.Key).Select(p => $"{p.Key} {p.Value:F4}"))}");
        text.AppendLine(CultureInfo.InvariantCulture, $"development (DS1 patients, out of fold, {dev.Labels.Count:N0} beats): tau, F1(N,S,V), S F1, V F1");
        double bestTau = 0, bestF1 = double.NegativeInfinity;
        foreach (double tau in Taus)
        {
            var summary = dev.Evaluate(prior, tau);
            double headline = RecipeResult.HeadlineOf(summary.PerClassF1, dataset.HeadlineClasses);
            text.AppendLine(CultureInfo.InvariantCulture, $"  {tau:F2}  {headline:F3}  {summary.PerClassF1.GetValueOrDefault("S"):F3}  {summary.PerClassF1.GetValueOrDefault("V"):F3}");
            if (headline > bestF1) (bestTau, bestF1) = (tau, headline);
        }
        text.AppendLine(CultureInfo.InvariantCulture, $"chosen tau {bestTau:F2} (development F1(N,S,V) {bestF1:F3})");

        var file = new RecipeResultsFile(Path.Combine(root, "docs", "recipe", "results.json"));
        foreach (int seed in seeds)
        {
            string path = Path.Combine(scores, $"test-seed{seed}.json");
            if (!File.Exists(path)) continue;
            var test = ScoredRows.Load(path);
            foreach (double tau in new[] { 0, bestTau })
            {
                var summary = test.Evaluate(prior, tau);
                double headline = RecipeResult.HeadlineOf(summary.PerClassF1, dataset.HeadlineClasses);
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"test seed {seed}, tau {tau:F2}: F1(N,S,V) {headline:F3}; {string.Join(", ", summary.PerClassF1.Select(p => $"{p.Key} {p.Value:F3}"))}");
                if (tau == 0) continue;
                using var held = file.Lock();
                if (file.Has(dataset.Name, AdjustedLabel, seed)) continue;
                file.Add(new RecipeResult(dataset.Name, AdjustedLabel, seed, headline, summary.Metrics.MacroF1, summary.Metrics.Accuracy, summary.PerClassF1, testRows,
                    FitSeconds: 0, EpochsRun: MitBihRecipe.Epochs, BestEpoch: 0, EffectiveEpochs: 0, threads, DateTimeOffset.UtcNow));
            }
        }
        using (file.Lock())
            MarkdownSection.Update(Path.Combine(root, "docs", "results.md"), RecipeMarkdown.Render(file.Read(), RecipeDatasets.All), RecipeMarkdown.Section, "erts-experiments recipe");
        Console.Write(text);
        File.WriteAllText(Path.Combine(scores, "report.txt"), text.ToString());
    }
}
