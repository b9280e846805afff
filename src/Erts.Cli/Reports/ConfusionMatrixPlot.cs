using ScottPlot;

namespace Erts.Cli.Reports;

/// <summary>
/// The confusion matrix as a heat map: colour = share of the true class (row-normalised recall), text = count.
/// </summary>
internal static class ConfusionMatrixPlot
{
    /// <summary>Renders "confusion-&lt;run&gt;.png" for every run with test scores.</summary>
    public static IReadOnlyList<PlotImage> Render(IReadOnlyList<RunResult> runs) =>
        runs.Where(r => r.Test != null)
            .Select(r => Render(r.Test!, r.Name))
            .ToArray();

    /// <summary>Renders the heat map of one summary.</summary>
    public static PlotImage Render(ClassificationSummary summary, string name)
    {
        int classes = summary.ClassNames.Count;
        // Heat map rows are drawn top to bottom, so row 0 (the first true class) is at the top, as in a printed matrix.
        var share = new double[classes, classes];
        for (int truth = 0; truth < classes; truth++)
            for (int guess = 0; guess < classes; guess++)
                share[truth, guess] = summary.Support[truth] == 0 ? 0 : (double)summary.ConfusionMatrix[truth, guess] / summary.Support[truth];

        var plot = PlotStyle.Create($"Confusion matrix: {name} (macro-F1 {summary.MacroF1:F3})", "predicted class", "true class");
        var heatmap = plot.Add.Heatmap(share);
        heatmap.Colormap = new ScottPlot.Colormaps.Blues().Reversed();   // white = none, dark blue = all of the row
        heatmap.ManualRange = new ScottPlot.Range(0, 1);
        var colorBar = plot.Add.ColorBar(heatmap);
        colorBar.Label = "share of true class";

        for (int truth = 0; truth < classes; truth++)
            for (int guess = 0; guess < classes; guess++)
            {
                var text = plot.Add.Text(summary.ConfusionMatrix[truth, guess].ToString(), guess, classes - 1 - truth);
                text.LabelFontSize = classes > 8 ? 11 : 15;
                text.LabelFontColor = share[truth, guess] > 0.5 ? Colors.White : Colors.Black;
                text.LabelAlignment = Alignment.MiddleCenter;
            }

        var positions = Enumerable.Range(0, classes).Select(i => (double)i).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(positions, summary.ClassNames.ToArray());
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            positions, summary.ClassNames.Reverse().ToArray());
        plot.Axes.SetLimits(-0.5, classes - 0.5, -0.5, classes - 0.5);

        int size = Math.Clamp(260 + 70 * classes, 480, 1000);
        return PlotStyle.Render(plot, $"confusion-{PlotStyle.Slug(name)}.png", $"Confusion matrix: {name}",
            "Rows: true class; columns: predicted class. Numbers are counts; colour is the share of the row (recall on the diagonal).",
            width: size + 140, height: size);
    }
}
