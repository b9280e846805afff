namespace Erts.Cli.Reports;

/// <summary>Validation macro-F1 against what it cost: effective epochs and wall-clock seconds.</summary>
internal static class CostCurvePlot
{
    /// <summary>Renders "f1-vs-effective-epochs.png" and "f1-vs-seconds.png" for runs with validation scores.</summary>
    public static IReadOnlyList<PlotImage> Render(IReadOnlyList<RunResult> runs)
    {
        if (!runs.Any(r => r.Training?.Epochs.Any(e => double.IsFinite(e.ValidationMacroF1)) == true)) return [];
        var images = new List<PlotImage>();

        var byEffectiveEpochs = RunLinesPlot.Create(runs,
            (run, e) => run.Training!.Epochs[e].CumulativeEffectiveEpochs,
            (run, e) => run.Training!.Epochs[e].ValidationMacroF1,
            "Validation macro-F1 against samples back-propagated", "effective epochs (samples back-propagated / training-set size)",
            "validation macro-F1 (0-1)");
        if (byEffectiveEpochs != null)
        {
            PlotStyle.PinAxes(byEffectiveEpochs, left: 0, bottom: 0, top: 1.02);
            images.Add(PlotStyle.Render(byEffectiveEpochs, "f1-vs-effective-epochs.png", "Macro-F1 against effective epochs",
                "Each point is one epoch. A curve further left reached the same score with fewer gradient steps"
                + " (confidence and Grad-CAM passes are not counted here; see the seconds plot)."));
        }

        var seconds = runs.ToDictionary<RunResult, RunResult, IReadOnlyList<double>>(r => r, r => r.CumulativeEpochSeconds(), ReferenceEqualityComparer.Instance);
        var bySeconds = RunLinesPlot.Create(runs,
            (run, e) => seconds[run][e],
            (run, e) => run.Training!.Epochs[e].ValidationMacroF1,
            "Validation macro-F1 against wall-clock time", "training time (s, all passes and validation)", "validation macro-F1 (0-1)");
        if (bySeconds != null)
        {
            PlotStyle.PinAxes(bySeconds, left: 0, bottom: 0, top: 1.02);
            images.Add(PlotStyle.Render(bySeconds, "f1-vs-seconds.png", "Macro-F1 against seconds",
                "The same curves against real time: confidence passes, Grad-CAM and validation included. This is the saving a user sees."));
        }
        return images;
    }
}
