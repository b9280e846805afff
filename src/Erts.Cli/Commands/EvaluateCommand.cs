using System.CommandLine;
using Erts.Cli.Console;
using Erts.Cli.Reports;
using Erts.Cli.Runs;

namespace Erts.Cli.Commands;

/// <summary><c>erts evaluate</c>: scores a saved model on a dataset part (ML.NET metrics, per-class F1, confusion matrix).</summary>
internal static class EvaluateCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var model = ModelOption.Create();
        var data = new DatasetOptionSet();
        var split = SplitOption.Create();
        var seed = DatasetOptionSet.CreateDataSeedOption();
        var output = OutputFolderOption.Create("evaluate");

        var command = new Command("evaluate", "Score a saved model on a dataset: macro-F1, accuracy, per-class F1, confusion matrix.");
        command.Options.Add(model);
        data.AddTo(command, withWholeRecords: false);
        command.Options.Add(split);
        command.Options.Add(seed);
        command.Options.Add(output);

        CommandHandler.SetHandler(command, (parseResult, context) =>
        {
            string modelPath = ModelOption.Resolve(parseResult.GetValue(model)!);
            string part = parseResult.GetValue(split)!;

            using var trained = ExperimentRunner.Load(modelPath);
            var request = data.ToRequest(parseResult, parseResult.GetValue(seed), wholeRecordsByDefault: trained.TakesWholeRecords);
            var splits = DatasetLoader.Load(request);
            var examples = SplitOption.Select(splits, part);
            context.Say($"evaluating {modelPath} on {request.Dataset.Name} {part} ({examples.Count} examples)");
            var summary = ExperimentRunner.Evaluate(trained, examples);
            if (summary.LeftOutWarning is { } warning) context.Error.WriteLine($"erts: warning: {warning}");

            var result = new RunResult(Path.GetFileNameWithoutExtension(modelPath), Training: null, summary, modelPath);
            var report = new ExperimentReport
            {
                Title = $"erts evaluate: {Path.GetFileName(modelPath)} on {request.Dataset.Name} ({part})",
                Command = context.CommandLine,
                Settings = [new("model", modelPath), new("data", request.Describe()), new("split", $"{part} ({examples.Count} examples)")],
                Runs = [result],
            };
            if (context.IsNormal)
            {
                context.Console.Write(ResultTables.PerClass(summary, $"{part}: macro-F1 {summary.MacroF1:F3}, accuracy {summary.Accuracy:F3}"));
                context.Console.Write(ResultTables.ConfusionMatrix(summary));
            }
            ReportPublisher.Publish(context, report, Path.GetFullPath(parseResult.GetValue(output)!));
            return ExitCodes.Success;
        });
        return command;
    }
}
