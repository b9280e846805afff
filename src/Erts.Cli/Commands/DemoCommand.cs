using System.CommandLine;
using System.Diagnostics;
using Erts.Cli.Console;
using Erts.Cli.Reports;
using Erts.Cli.Runs;
using Erts.MLNet.Networks;
using Erts.MLNet.Training;

namespace Erts.Cli.Commands;

/// <summary>
/// <c>erts demo</c>: full training and ERTS side by side on the built-in synthetic ECGs with flipped labels, sized to
/// finish in well under 3 minutes on 2 CPU cores; prints the comparison and writes a report folder.
/// </summary>
internal static class DemoCommand
{
    /// <summary>The demo's fixed choices, stated in its output and report.</summary>
    private static class Choices
    {
        public const Backbone Network = Backbone.SmallCnn1d;
        public const int Epochs = 20;
        public const int ExamplesPerClass = 80;
        public const float DurationSeconds = 3f;
        public const float SamplingRate = 100f;
        public const float LabelNoise = 0.1f;
        public const int BatchSize = 32;
        public const double LearningRate = 3e-3;
        public static readonly string[] Leads = ["I", "II", "V1"];
        public static readonly string[] Policies = ["full", "erts-dbpd"];
    }

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var threads = new Option<int>("--threads") { Description = "Torch intra-op threads.", DefaultValueFactory = _ => 2 }.AtLeast(1);
        var seed = new Option<int>("--seed") { Description = "Seed of data, weights and shuffling.", DefaultValueFactory = _ => 42 };
        var epochs = new Option<int>("--epochs") { Description = "Epochs per run (phases keep the reference ratios).", DefaultValueFactory = _ => Choices.Epochs }.AtLeast(4);
        var examplesPerClass = new Option<int>("--examples-per-class") { Description = "Synthetic records per class (80/10/10 split).", DefaultValueFactory = _ => Choices.ExamplesPerClass }.AtLeast(10);
        var labelNoise = new Option<float>("--label-noise") { Description = "Fraction of training labels flipped.", DefaultValueFactory = _ => Choices.LabelNoise }.Between(0f, 0.5f);
        var output = OutputFolderOption.Create("demo");
        var command = new Command("demo",
            "Full training vs ERTS on built-in synthetic ECGs with flipped labels (no download): a table and a report folder with plots.")
        {
            threads, seed, epochs, examplesPerClass, labelNoise, output,
        };

        CommandHandler.SetHandler(command, (parseResult, context) =>
        {
            var clock = Stopwatch.StartNew();
            int seedValue = parseResult.GetValue(seed);
            var schedule = TrainingSchedule.Scaled(parseResult.GetValue(epochs));
            var request = new DatasetRequest(KnownDatasets.Synthetic, "", new SyntheticSettings(
                parseResult.GetValue(examplesPerClass), parseResult.GetValue(labelNoise), Choices.Leads, Choices.DurationSeconds, Choices.SamplingRate, seedValue));
            var splits = DatasetLoader.Load(request);

            var notes = new List<string>
            {
                $"Sized for a laptop: {Choices.Network}, {splits.Describe()}, {schedule.Describe()}, batch {Choices.BatchSize}, learning rate {Choices.LearningRate}, {parseResult.GetValue(threads)} torch threads.",
                "Phases keep the reference ratios (warm-up 5 %, CAM delay 3 %, revision from 50 % of the epochs).",
                $"{request.Synthetic.LabelNoise:P0} of training and validation labels are flipped to another class on purpose; the test labels are the true classes.",
            };
            foreach (string note in notes) context.Say(note);

            var runs = new List<RunResult>();
            IReadOnlyList<ExplanationExample> explanations = [];
            ErtsTrainer.Options OptionsFor(string policy)
            {
                var options = new ErtsTrainer.Options
                {
                    Network = Choices.Network,
                    SelectionPolicy = policy,
                    BatchSize = Choices.BatchSize,
                    LearningRate = Choices.LearningRate,
                    Seed = seedValue,
                    Threads = parseResult.GetValue(threads),
                };
                schedule.ApplyTo(options);
                return options;
            }

            foreach (string policy in Choices.Policies)
            {
                var (result, model) = TrainAndTest.Run(context, splits, policy, OptionsFor(policy));
                using (model)
                {
                    runs.Add(result);
                    if (policy != "full") explanations = TrainAndTest.Explanations(model, splits, count: 5);
                }
            }

            var report = new ExperimentReport
            {
                Title = "erts demo: full training vs ERTS on synthetic ECGs with flipped labels",
                Command = context.CommandLine,
                Settings = TrainAndTest.Settings(splits, OptionsFor(Choices.Policies[^1]), schedule),
                Runs = runs,
                Explanations = explanations,
                Notes = notes,
            };
            if (context.IsNormal) context.Console.Write(ResultTables.Runs(runs, "full training vs ERTS (test set, true labels)"));
            ReportPublisher.Publish(context, report, Path.GetFullPath(parseResult.GetValue(output)!));
            context.Say($"demo finished in {clock.Elapsed.TotalSeconds:F0} s");
            return ExitCodes.Success;
        });
        return command;
    }
}
