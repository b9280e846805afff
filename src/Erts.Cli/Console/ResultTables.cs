using System.Globalization;
using Erts.Cli.Reports;
using Spectre.Console;

namespace Erts.Cli.Console;

/// <summary>The tables commands print: runs side by side, per-class F1, a confusion matrix.</summary>
internal static class ResultTables
{
    /// <summary>One row per run: test macro-F1 and accuracy, effective epochs, wall-clock.</summary>
    public static Table Runs(IReadOnlyList<RunResult> runs, string title)
    {
        var table = new Table().Title(Markup.Escape(title)).AddColumn("run").AddColumn("policy")
            .AddColumn(new TableColumn("test macro-F1").RightAligned()).AddColumn(new TableColumn("test accuracy").RightAligned())
            .AddColumn(new TableColumn("effective epochs").RightAligned()).AddColumn(new TableColumn("wall-clock (s)").RightAligned());
        foreach (var run in runs)
            table.AddRow(Markup.Escape(run.Name), Markup.Escape(run.Training?.Policy ?? ""), Number(run.Test?.MacroF1),
                Number(run.Test?.Accuracy), Number(run.Training?.EffectiveEpochs, "F1"), Number(run.Training?.WallClockSeconds, "F1"));
        return table;
    }

    /// <summary>One row per policy: mean ± standard deviation over its runs (seeds).</summary>
    public static Table ByPolicy(IReadOnlyList<RunResult> runs, string title)
    {
        var table = new Table().Title(Markup.Escape(title)).AddColumn("policy").AddColumn(new TableColumn("runs").RightAligned())
            .AddColumn(new TableColumn("test macro-F1").RightAligned()).AddColumn(new TableColumn("effective epochs").RightAligned())
            .AddColumn(new TableColumn("wall-clock (s)").RightAligned());
        foreach (var group in runs.Where(r => r.Training != null).GroupBy(r => r.Training!.Policy))
            table.AddRow(Markup.Escape(group.Key), group.Count().ToString(CultureInfo.InvariantCulture),
                MeanSd(group.Select(r => r.Test?.MacroF1 ?? double.NaN), "F3"),
                MeanSd(group.Select(r => r.Training!.EffectiveEpochs), "F1"),
                MeanSd(group.Select(r => r.Training!.WallClockSeconds), "F1"));
        return table;
    }

    /// <summary>Per class: support and F1 (plus the macro row).</summary>
    public static Table PerClass(ClassificationSummary summary, string title)
    {
        var table = new Table().Title(Markup.Escape(title)).AddColumn("class")
            .AddColumn(new TableColumn("support").RightAligned()).AddColumn(new TableColumn("F1").RightAligned());
        for (int c = 0; c < summary.ClassNames.Count; c++)
            table.AddRow(Markup.Escape(summary.ClassNames[c]), summary.Support[c].ToString(CultureInfo.InvariantCulture), Number(summary.PerClassF1[c]));
        table.AddRow("[bold]macro[/]", summary.Count.ToString(CultureInfo.InvariantCulture), $"[bold]{Number(summary.MacroF1)}[/]");
        return table;
    }

    /// <summary>Counts, rows = true class, columns = predicted class.</summary>
    public static Table ConfusionMatrix(ClassificationSummary summary)
    {
        var table = new Table().Title("confusion matrix (rows: true, columns: predicted)").AddColumn("true \\ predicted");
        foreach (string name in summary.ClassNames) table.AddColumn(new TableColumn(Markup.Escape(name)).RightAligned());
        for (int truth = 0; truth < summary.ClassNames.Count; truth++)
        {
            var cells = new List<string> { Markup.Escape(summary.ClassNames[truth]) };
            for (int guess = 0; guess < summary.ClassNames.Count; guess++)
            {
                string count = summary.ConfusionMatrix[truth, guess].ToString(CultureInfo.InvariantCulture);
                cells.Add(truth == guess ? $"[bold]{count}[/]" : count);
            }
            table.AddRow(cells.ToArray());
        }
        return table;
    }

    /// <summary>"0.812 ± 0.013" (sample standard deviation; "-" when no value).</summary>
    private static string MeanSd(IEnumerable<double> values, string format)
    {
        var finite = values.Where(double.IsFinite).ToArray();
        if (finite.Length == 0) return "-";
        double mean = finite.Average();
        double sd = finite.Length < 2 ? 0 : Math.Sqrt(finite.Sum(v => (v - mean) * (v - mean)) / (finite.Length - 1));
        return $"{mean.ToString(format, CultureInfo.InvariantCulture)} ± {sd.ToString(format, CultureInfo.InvariantCulture)}";
    }

    private static string Number(double? value, string format = "F3") =>
        value is { } v && double.IsFinite(v) ? v.ToString(format, CultureInfo.InvariantCulture) : "-";
}
