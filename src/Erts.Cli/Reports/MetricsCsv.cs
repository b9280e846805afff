using System.Globalization;
using System.Text;

namespace Erts.Cli.Reports;

/// <summary>
/// The report's tables for spreadsheets and scripts: <c>metrics.csv</c> (one row per run and epoch) and
/// <c>test-metrics.csv</c> (one row per run and class, plus a "macro" row). Invariant culture; empty cell = no value.
/// </summary>
internal static class MetricsCsv
{
    /// <summary>Column names of <c>metrics.csv</c>.</summary>
    public static readonly string[] EpochColumns =
    [
        "run", "policy", "seed", "epoch", "phase", "samples_seen", "samples_kept", "kept_fraction",
        "cumulative_effective_epochs", "train_loss", "validation_macro_f1", "validation_accuracy", "learning_rate",
        "confidence_seconds", "gradcam_seconds", "update_seconds", "validation_seconds", "cumulative_seconds",
    ];

    /// <summary>Column names of <c>test-metrics.csv</c>.</summary>
    public static readonly string[] TestColumns = ["run", "class", "f1", "support", "accuracy"];

    /// <summary>The per-epoch table (header only when no run was trained).</summary>
    public static string EpochTable(IReadOnlyList<RunResult> runs)
    {
        var csv = new StringBuilder().AppendLine(string.Join(',', EpochColumns));
        foreach (var run in runs)
        {
            if (run.Training is not { } training) continue;
            var seconds = run.CumulativeEpochSeconds();
            for (int i = 0; i < training.Epochs.Count; i++)
            {
                var e = training.Epochs[i];
                AppendRow(csv, run.Name, training.Policy, Format(training.Seed), Format(e.Epoch), e.Phase, Format(e.SamplesSeen),
                    Format(e.SamplesKept), Format(e.KeptFraction), Format(e.CumulativeEffectiveEpochs), Format(e.TrainLoss),
                    Format(e.ValidationMacroF1), Format(e.ValidationAccuracy), Format(e.LearningRate), Format(e.ConfidenceSeconds),
                    Format(e.GradCamSeconds), Format(e.UpdateSeconds), Format(e.ValidationSeconds), Format(seconds[i]));
            }
        }
        return csv.ToString();
    }

    /// <summary>The test table: per class F1 and support, then a "macro" row with macro-F1, count and accuracy.</summary>
    public static string TestTable(IReadOnlyList<RunResult> runs)
    {
        var csv = new StringBuilder().AppendLine(string.Join(',', TestColumns));
        foreach (var run in runs)
        {
            if (run.Test is not { } test) continue;
            for (int c = 0; c < test.ClassNames.Count; c++)
                AppendRow(csv, run.Name, test.ClassNames[c], Format(test.PerClassF1[c]), Format(test.Support[c]), "");
            AppendRow(csv, run.Name, "macro", Format(test.MacroF1), Format(test.Count), Format(test.Accuracy));
        }
        return csv.ToString();
    }

    private static void AppendRow(StringBuilder csv, params string[] cells) =>
        csv.AppendLine(string.Join(',', cells.Select(Quote)));

    /// <summary>RFC 4180 quoting: only cells with a comma, quote or line break are quoted.</summary>
    private static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\n', '\r']) < 0 ? cell : $"\"{cell.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    private static string Format(double value) => double.IsFinite(value) ? value.ToString("R", CultureInfo.InvariantCulture) : "";

    private static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);
}
