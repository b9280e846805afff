namespace Erts.Cli.Reports;

/// <summary>The share of training samples back-propagated in each epoch, one line per run.</summary>
internal static class KeptFractionPlot
{
    /// <summary>Renders "kept-fraction.png", or nothing when no run has training epochs.</summary>
    public static IReadOnlyList<PlotImage> Render(IReadOnlyList<RunResult> runs)
    {
        var plot = RunLinesPlot.PerEpoch(runs, (run, e) => 100 * run.Training!.Epochs[e].KeptFraction,
            "Samples back-propagated per epoch", "kept samples (% of training set)");
        if (plot == null) return [];
        var shaded = RunLinesPlot.RunWithSelection(runs);
        if (shaded != null) PlotStyle.ShadeFullDataPhases(plot, shaded.Training!.Epochs);
        PlotStyle.PinAxes(plot, bottom: 0, top: 105);
        return [PlotStyle.Render(plot, "kept-fraction.png", "Kept fraction",
            "Per epoch, the percentage of training samples that got a gradient step. Full training stays at 100 %;"
            + " data dropout falls as the model grows confident. Grey bands: warm-up and revision (all data).")];
    }
}
