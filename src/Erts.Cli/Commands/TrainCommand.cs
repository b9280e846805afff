using System.CommandLine;
using Erts.Cli.Console;
using Erts.Cli.Reports;
using Erts.Cli.Runs;

namespace Erts.Cli.Commands;

/// <summary><c>erts train</c>: trains one model, saves it, and writes a report folder.</summary>
internal static class TrainCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var data = new DatasetOptionSet();
        var training = new TrainingOptionSet();
        var output = OutputFolderOption.Create("train");
        var model = new Option<string?>("--model", "-m") { Description = "Model file to write (default: <out>/model.zip)." };
        var explain = new Option<int>("--explain-examples")
        {
            Description = "Test ECGs to explain with Grad-CAM in the report (one per class, at most this many).",
            DefaultValueFactory = _ => 3,
        }.AtLeast(0);

        var command = new Command("train", "Train a model on a dataset (synthetic by default), save it and write a report with plots.");
        data.AddTo(command);
        training.AddTo(command);
        command.Options.Add(model);
        command.Options.Add(explain);
        command.Options.Add(output);

        CommandHandler.SetHandler(command, (parseResult, context) =>
        {
            var options = training.ToTrainerOptions(parseResult);
            var schedule = training.Schedule(parseResult);
            float? resample = training.ResampleRate(parseResult);
            var request = data.ToRequest(parseResult, options.Seed, wholeRecordsByDefault: training.HasWindow(parseResult));
            string folder = Path.GetFullPath(parseResult.GetValue(output)!);
            string modelPath = Path.GetFullPath(parseResult.GetValue(model) ?? Path.Combine(folder, "model.zip"));

            context.Say($"data: {request.Describe()}");
            var splits = DatasetLoader.Load(request);
            context.Say($"splits: {splits.Describe()}");
            TrainingOptionSet.RequireFits(options, splits);
            context.Say($"training {options.Network} with {options.SelectionPolicy}, {schedule.Describe()}, {options.Threads} threads");
            context.Say($"input: {TrainAndTest.Input(options, resample)}");

            var (result, trained) = TrainAndTest.Run(context, splits, options.SelectionPolicy, options, resample);
            using (trained)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(modelPath)!);
                ExperimentRunner.Save(trained, modelPath);
                var report = new ExperimentReport
                {
                    Title = $"erts train: {options.SelectionPolicy} on {request.Dataset.Name}",
                    Command = context.CommandLine,
                    Settings = TrainAndTest.Settings(splits, options, schedule, resample),
                    Runs = [result with { ModelPath = modelPath }],
                    Explanations = TrainAndTest.Explanations(trained, splits, parseResult.GetValue(explain)),
                };
                if (context.IsNormal)
                {
                    context.Console.Write(ResultTables.Runs(report.Runs, "test results"));
                    context.Console.Write(ResultTables.PerClass(result.Test!, "per-class F1 (test)"));
                }
                ReportPublisher.Publish(context, report, folder, modelPath);
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
