using System.Globalization;
using Erts.Cli.Console;
using Erts.Cli.Reports;
using Erts.Cli.Runs;
using Erts.MLNet.Training;

namespace Erts.Cli.Commands;

/// <summary>The step demo, train and compare share: train one model with progress shown, then score it on the test part.</summary>
internal static class TrainAndTest
{
    /// <summary>Trains <paramref name="name"/> with <paramref name="options"/>; the caller disposes the returned model.</summary>
    /// <param name="context">The invocation's output.</param>
    /// <param name="splits">The data.</param>
    /// <param name="name">Name of the run.</param>
    /// <param name="options">The trainer's options.</param>
    /// <param name="resampleRate">Rate (Hz) records are resampled to before normalising; null keeps the data's own.</param>
    public static (RunResult Result, TrainedModel Model) Run(CommandContext context, EcgSplits splits, string name, ErtsTrainer.Options options,
        float? resampleRate = null)
    {
        var model = TrainingProgressView.Run(context, name, options.Epochs, progress => ExperimentRunner.Train(splits, options, progress, resampleRate));
        try
        {
            var test = ExperimentRunner.Evaluate(model, splits.Test);
            if (test.LeftOutWarning is { } warning) context.Error.WriteLine($"erts: warning: {name}: test: {warning}");
            return (new RunResult(name, model.Report, test), model);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    /// <summary>Grad-CAM examples: the first test example of each class (up to <paramref name="count"/>), so every class is shown.</summary>
    public static IReadOnlyList<ExplanationExample> Explanations(TrainedModel model, EcgSplits splits, int count) =>
        splits.Test
            .GroupBy(example => example.Label)
            .Select(group => group.First())
            .Take(count)
            .Select(example => ExperimentRunner.Explain(model, example))
            .ToArray();

    /// <summary>The settings a report shows for a training run.</summary>
    public static List<KeyValuePair<string, string>> Settings(EcgSplits splits, ErtsTrainer.Options options, TrainingSchedule schedule,
        float? resampleRate = null) =>
    [
        new("data", splits.Request.Describe()),
        new("splits", splits.Describe()),
        new("network", options.Network.ToString()),
        new("input", Input(options, resampleRate)),
        new("schedule", schedule.Describe()),
        new("tau / rho", $"{options.ConfidenceThreshold} / {options.KeepFraction}"),
        new("batch / learning rate", $"{options.BatchSize} / {options.LearningRate}"),
        new("learning-rate schedule", LearningRateCurve(options)),
        new("augmentation", options.Augmentation?.ToString() ?? "none"),
        new("head dropout / label smoothing", Invariant($"{options.HeadDropout} / {options.LabelSmoothing}")),
        new("early stopping", options.EarlyStoppingPatience is { } patience ? $"after {patience} epochs without a better validation macro-F1" : "none"),
        new("auxiliary features", options.AuxiliaryFeaturesColumnName ?? "none"),
        new("torch threads", options.Threads?.ToString() ?? "default"),
        new("seed", options.Seed.ToString()),
    ];

    /// <summary>What the network is given, in one line: the rate and the whole signal or random windows.</summary>
    public static string Input(ErtsTrainer.Options options, float? resampleRate)
    {
        string rate = resampleRate is { } hz ? Invariant($"resampled to {hz} Hz, ") : "";
        return options.TrainingWindow is { } window
            ? $"{rate}a random {window}-sample window per record and epoch; scored by windows {options.InferenceStride ?? Math.Max(1, window / 2)} samples apart"
            : $"{rate}the whole signal";
    }

    private static string LearningRateCurve(ErtsTrainer.Options options) => options.LearningRateSchedule == LearningRateSchedule.WarmupCosine
        ? Invariant($"{options.LearningRateWarmupEpochs} warm-up epoch(s), then cosine to 0")
        : Invariant($"x {options.LearningRateDecay} after every epoch");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
