namespace Erts.Cli.Reports;

/// <summary>Training loss and validation macro-F1 per epoch, one line per run.</summary>
internal static class TrainingCurvesPlot
{
    /// <summary>Renders "training-loss.png" and "validation-macro-f1.png" (nothing for runs without training).</summary>
    public static IReadOnlyList<PlotImage> Render(IReadOnlyList<RunResult> runs)
    {
        var images = new List<PlotImage>();
        var shaded = RunLinesPlot.RunWithSelection(runs);

        var loss = RunLinesPlot.PerEpoch(runs, (run, e) => run.Training!.Epochs[e].TrainLoss,
            "Training loss per epoch", "mean loss on kept samples (cross-entropy)");
        if (loss != null)
        {
            if (shaded != null) PlotStyle.ShadeFullDataPhases(loss, shaded.Training!.Epochs);
            PlotStyle.PinAxes(loss, bottom: 0);
            images.Add(PlotStyle.Render(loss, "training-loss.png", "Training loss",
                "Mean loss over the samples that got a gradient step. Grey bands: warm-up and revision epochs (all data)."
                + " Under data dropout the kept samples are the hard ones, so their loss need not fall the way full training's does."));
        }

        var f1 = RunLinesPlot.PerEpoch(runs, (run, e) => run.Training!.Epochs[e].ValidationMacroF1,
            "Validation macro-F1 per epoch", "validation macro-F1 (0-1)");
        if (f1 != null && HasValidation(runs))
        {
            if (shaded != null) PlotStyle.ShadeFullDataPhases(f1, shaded.Training!.Epochs);
            PlotStyle.PinAxes(f1, bottom: 0, top: 1.02);
            images.Add(PlotStyle.Render(f1, "validation-macro-f1.png", "Validation macro-F1",
                "Macro-F1 on the validation set after each epoch; the checkpoint with the best value is the model kept."));
        }
        return images;
    }

    private static bool HasValidation(IReadOnlyList<RunResult> runs) =>
        runs.Any(r => r.Training?.Epochs.Any(e => double.IsFinite(e.ValidationMacroF1)) == true);
}
