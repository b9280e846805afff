using System.Globalization;
using System.Text;
using Erts.Experiments.Reporting;

namespace Erts.Experiments.Recipe;

/// <summary>The recipe benchmark's section of docs/results.md: per dataset its protocol and one row per model (mean ± sd over seeds).</summary>
public static class RecipeMarkdown
{
    /// <summary>Section name of the markers.</summary>
    public const string Section = "erts-recipe";

    /// <summary>The section's text for <paramref name="results"/>.</summary>
    public static string Render(IReadOnlyList<RecipeResult> results, IReadOnlyList<RecipeDataset> datasets)
    {
        var text = new StringBuilder();
        text.AppendLine("## Networks at the field's level: the recipe benchmark");
        text.AppendLine();
        text.AppendLine("Command: `dotnet run --project src/Erts.Experiments -c Release -- recipe [--datasets ...] [--models ...] [--seeds 1,2,3] [--threads N]`; " +
            "every run trains on the training part, chooses its epoch on the validation part and is scored once on the test part. " +
            "Mean ± sample sd over seeds; FastTree is deterministic (one run). Fit seconds are wall-clock of training alone, at the threads stated, " +
            "on a 2-core machine that other work shared at times: compare them within a table only.");
        foreach (var dataset in datasets)
        {
            var rows = results.Where(r => r.Dataset == dataset.Name).GroupBy(r => r.Model).OrderByDescending(g => g.Average(r => r.Headline)).ToList();
            if (rows.Count == 0) continue;
            // The headline's classes first, in its order, then the others.
            var classes = dataset.HeadlineClasses.Concat(rows.SelectMany(g => g.SelectMany(r => r.PerClassF1.Keys)).Distinct().Order(StringComparer.Ordinal))
                .Distinct().ToList();
            text.AppendLine();
            text.AppendLine($"### {dataset.Name}");
            text.AppendLine();
            text.AppendLine(dataset.Protocol);
            text.AppendLine();
            text.AppendLine($"| model | seeds | {dataset.HeadlineName} | macro-F1 | {string.Join(" | ", classes.Select(c => $"F1 {c}"))} | fit s | threads | epochs (best) | test rows |");
            text.AppendLine($"|---|---|---|---|{string.Concat(classes.Select(_ => "---|"))}---|---|---|---|");
            foreach (var group in rows)
            {
                var runs = group.OrderBy(r => r.Seed).ToList();
                string Mean(Func<RecipeResult, double> value) => Summary.Of(runs.Select(value)).Format("0.000");
                string epochs = runs[0].EpochsRun == 0 ? "—" : string.Join(", ", runs.Select(r => $"{r.EpochsRun} ({r.BestEpoch})"));
                text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {group.Key} | {(runs[0].EpochsRun == 0 && runs[0].Model == RecipeRunner.FastTreeLabel ? "— (deterministic)" : string.Join(",", runs.Select(r => r.Seed)))} | {Mean(r => r.Headline)} | {Mean(r => r.MacroF1)} | " +
                    $"{string.Join(" | ", classes.Select(c => Mean(r => r.PerClassF1.GetValueOrDefault(c))))} | {runs.Average(r => r.FitSeconds):F0} | " +
                    $"{runs[0].Threads} | {epochs} | {runs[0].TestRows:N0} |"));
            }
        }
        return text.ToString();
    }
}
