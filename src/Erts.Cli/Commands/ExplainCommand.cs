using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Erts.Cli.Reports;
using Erts.Cli.Runs;

namespace Erts.Cli.Commands;

/// <summary><c>erts explain</c>: draws one ECG with the Grad-CAM evidence of the model's prediction.</summary>
internal static class ExplainCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var model = ModelOption.Create();
        var data = new DatasetOptionSet();
        var split = SplitOption.Create();
        var record = new Option<string?>("--record", "-r") { Description = "Record id to explain (default: the first of the split)." };
        var index = new Option<int>("--index")
        {
            Description = "Position of the record in the split, when --record is not given.",
            DefaultValueFactory = _ => 0,
        }.AtLeast(0);
        var seed = DatasetOptionSet.CreateDataSeedOption();
        var output = OutputFolderOption.Create("explain");

        var command = new Command("explain", "Explain one prediction: a PNG of the leads with the Grad-CAM profile shaded, the class and probability in the title.");
        command.Options.Add(model);
        data.AddTo(command, withWholeRecords: false);
        foreach (var option in new Option[] { split, record, index, seed, output }) command.Options.Add(option);

        CommandHandler.SetHandler(command, (parseResult, context) =>
        {
            string modelPath = ModelOption.Resolve(parseResult.GetValue(model)!);
            string part = parseResult.GetValue(split)!;

            using var trained = ExperimentRunner.Load(modelPath);
            var request = data.ToRequest(parseResult, parseResult.GetValue(seed), wholeRecordsByDefault: trained.TakesWholeRecords);
            var examples = SplitOption.Select(DatasetLoader.Load(request), part);
            string? recordId = parseResult.GetValue(record);
            int position = parseResult.GetValue(index);
            var example = recordId != null
                ? examples.FirstOrDefault(e => e.RecordId == recordId)
                  ?? throw new UsageException($"--record: no record '{recordId}' in the {part} split of {request.Dataset.Name}.")
                : position < examples.Count ? examples[position]
                : throw new UsageException($"--index {position} is past the end of the {part} split ({examples.Count} records).");

            var explanation = ExperimentRunner.Explain(trained, example);
            var image = GradCamOverlayPlot.Render(explanation);
            string folder = Path.GetFullPath(parseResult.GetValue(output)!);
            Directory.CreateDirectory(folder);
            string path = Path.Combine(folder, image.FileName);
            File.WriteAllBytes(path, image.Png);

            context.Say(string.Create(CultureInfo.InvariantCulture,
                $"{example.RecordId}: predicted {explanation.PredictedLabel} (p = {explanation.Probability:F2}), labelled {example.Label}"));
            context.Wrote("explanation", path);
            context.PrintJson(new JsonObject
            {
                ["recordId"] = example.RecordId,
                ["label"] = example.Label,
                ["predictedLabel"] = explanation.PredictedLabel,
                // JSON has no NaN or infinity: a probability that is not a number is written as null.
                ["probability"] = float.IsFinite(explanation.Probability) ? JsonValue.Create(explanation.Probability) : null,
                ["image"] = path,
            });
            return ExitCodes.Success;
        });
        return command;
    }
}
