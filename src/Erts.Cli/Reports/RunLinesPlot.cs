using ScottPlot;

namespace Erts.Cli.Reports;

/// <summary>
/// The shape most report figures share: one line per run, x and y taken from its epochs, run colours fixed,
/// points with no value (NaN) left out.
/// </summary>
internal static class RunLinesPlot
{
    /// <summary>Draws one line per run that has training epochs; returns null when none has.</summary>
    /// <param name="runs">All runs of the report (their index fixes their colour).</param>
    /// <param name="x">X value of an epoch of a run (the run and the epoch's index are given).</param>
    /// <param name="y">Y value of an epoch.</param>
    /// <param name="title">Plot title.</param>
    /// <param name="xLabel">X axis label with unit.</param>
    /// <param name="yLabel">Y axis label with unit.</param>
    public static Plot? Create(
        IReadOnlyList<RunResult> runs,
        Func<RunResult, int, double> x,
        Func<RunResult, int, double> y,
        string title,
        string xLabel,
        string yLabel)
    {
        if (!runs.Any(r => r.Training is { Epochs.Count: > 0 })) return null;
        var plot = PlotStyle.Create(title, xLabel, yLabel);
        for (int index = 0; index < runs.Count; index++)
        {
            var run = runs[index];
            if (run.Training is not { Epochs.Count: > 0 } training) continue;
            var points = Enumerable.Range(0, training.Epochs.Count)
                .Select(epoch => new Coordinates(x(run, epoch), y(run, epoch)))
                .Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y))
                .ToArray();
            if (points.Length == 0) continue;
            var line = plot.Add.Scatter(points, PlotStyle.RunColor(index));
            line.LineWidth = 2;
            line.MarkerSize = points.Length > 60 ? 0 : 5;
            line.LegendText = run.Name;
        }
        plot.ShowLegend(Alignment.LowerRight);
        return plot;
    }

    /// <summary>Same as <see cref="Create"/> with the epoch number (1-based) on x, ticks on whole epochs.</summary>
    public static Plot? PerEpoch(IReadOnlyList<RunResult> runs, Func<RunResult, int, double> y, string title, string yLabel)
    {
        var plot = Create(runs, EpochNumber, y, title, "epoch", yLabel);
        if (plot != null) PlotStyle.IntegerTicks(plot.Axes.Bottom);
        return plot;
    }

    /// <summary>X of an epoch as people count it: 1 for the first epoch.</summary>
    public static double EpochNumber(RunResult run, int epoch) => run.Training!.Epochs[epoch].Epoch + 1;

    /// <summary>The run whose phases are worth shading: the first one that had a selection phase.</summary>
    public static RunResult? RunWithSelection(IReadOnlyList<RunResult> runs) =>
        runs.FirstOrDefault(r => r.Training?.Epochs.Any(e => e.Phase == "selection") == true);
}
