using Erts.Cli.Console;
using Erts.Cli.Reports;
using Erts.Cli.Runs;
using Erts.MLNet.Training;

namespace Erts.Cli.Commands;

/// <summary>The step demo, train and compare share: train one model with progress shown, then score it on the test part.</summary>
internal static class TrainAndTest
{
    /// <summary>Trains <paramref name="name"/> with <paramref name="options"/>; the caller disposes the returned model.</summary>
    public static (RunResult Result, TrainedModel Model) Run(CommandContext context, EcgSplits splits, string name, ErtsTrainer.Options options)
    {
        var model = TrainingProgressView.Run(context, name, options.Epochs, progress => ExperimentRunner.Train(splits, options, progress));
        try
        {
            var test = ExperimentRunner.Evaluate(model, splits.Test);
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
    public static List<KeyValuePair<string, string>> Settings(EcgSplits splits, ErtsTrainer.Options options, TrainingSchedule schedule) =>
    [
        new("data", splits.Request.Describe()),
        new("splits", splits.Describe()),
        new("network", options.Network.ToString()),
        new("schedule", schedule.Describe()),
        new("tau / rho", $"{options.ConfidenceThreshold} / {options.KeepFraction}"),
        new("batch / learning rate", $"{options.BatchSize} / {options.LearningRate}"),
        new("torch threads", options.Threads?.ToString() ?? "default"),
        new("seed", options.Seed.ToString()),
    ];
}
