using Erts.MLNet.Training;
using ScottPlot;

namespace Erts.Cli.Reports;

/// <summary>
/// Focus scores of the candidates the focus filter kept against those it filtered out, per run: if ERTS works,
/// the kept samples sit to the right (concentrated evidence) and the filtered ones to the left.
/// </summary>
internal static class FocusHistogramPlot
{
    /// <summary>Bins over the focus range [0, 1]; divides <see cref="FocusHistogram.Bins"/>.</summary>
    public const int Bins = 20;

    /// <summary>Renders "focus-&lt;run&gt;.png" for every run with focus histograms.</summary>
    public static IReadOnlyList<PlotImage> Render(IReadOnlyList<RunResult> runs)
    {
        var images = new List<PlotImage>();
        foreach (var run in runs)
        {
            if (run.Training is not { FocusHistograms.Count: > 0 } training) continue;
            var kept = Histogram(training.FocusHistograms.Where(h => h.Kept));
            var filtered = Histogram(training.FocusHistograms.Where(h => !h.Kept));

            var plot = PlotStyle.Create($"Focus scores of candidates: {run.Name}", "focus score (0 = diffuse evidence, 1 = concentrated)",
                "candidates (count over all epochs)");
            AddBars(plot, kept, new Color(31, 119, 180).WithAlpha(0.6), $"kept ({kept.Sum()})");
            AddBars(plot, filtered, new Color(214, 39, 40).WithAlpha(0.6), $"filtered out ({filtered.Sum()})");
            PlotStyle.PinAxes(plot, left: 0, right: 1, bottom: 0);
            plot.ShowLegend(Alignment.UpperLeft);
            images.Add(PlotStyle.Render(plot, $"focus-{PlotStyle.Slug(run.Name)}.png", $"Focus scores: {run.Name}",
                "Every candidate the focus filter scored (not-yet-confident samples after the CAM delay), split by whether it then got a"
                + " gradient step. Filtered samples should gather at low focus: diffuse Grad-CAM evidence, likely noise or ambiguity."));
        }
        return images;
    }

    /// <summary>
    /// Focus counts summed over <paramref name="histograms"/>, merged into <see cref="Bins"/> bins of width
    /// 1/<see cref="Bins"/> (each of the report's bins lies in one of them); a focus of exactly 1 falls in the last bin.
    /// </summary>
    public static long[] Histogram(IEnumerable<FocusHistogram> histograms)
    {
        const int merged = FocusHistogram.Bins / Bins;
        var counts = new long[Bins];
        foreach (var histogram in histograms)
            for (int bin = 0; bin < FocusHistogram.Bins; bin++)
                counts[bin / merged] += histogram.FocusCounts[bin];
        return counts;
    }

    private static void AddBars(Plot plot, long[] counts, Color color, string legend)
    {
        const double width = 1.0 / Bins;
        var bars = counts.Select((count, bin) => new Bar
        {
            Position = (bin + 0.5) * width,
            Value = count,
            Size = width,
            FillColor = color,
            LineWidth = 0,
        }).ToArray();
        var plottable = plot.Add.Bars(bars);
        plottable.LegendText = legend;
        plottable.Color = color;
    }
}
