using System.Text.Json;
using System.Text.Json.Nodes;
using Erts.MLNet.Training;

namespace Erts.Cli.Reports;

/// <summary>
/// The machine-readable form of a report: <c>results.json</c>, and what <c>--json</c> prints. Numbers that do not
/// exist (NaN: no validation set, no kept sample) are written as null, so every JSON parser reads the file.
/// </summary>
internal static class ResultsJson
{
    /// <summary>Indented output, property names as built.</summary>
    public static readonly JsonSerializerOptions Formatting = new() { WriteIndented = true };

    /// <summary>Builds the JSON document of a report.</summary>
    public static JsonObject Build(ExperimentReport report)
    {
        var settings = new JsonObject();
        foreach (var (key, value) in report.Settings) settings[key] = value;
        return new JsonObject
        {
            ["title"] = report.Title,
            ["command"] = report.Command,
            ["createdUtc"] = report.CreatedUtc.ToString("O"),
            ["settings"] = settings,
            ["runs"] = new JsonArray(report.Runs.Select(Run).ToArray<JsonNode?>()),
            ["explanations"] = new JsonArray(report.Explanations.Select(Explanation).ToArray<JsonNode?>()),
            ["notes"] = new JsonArray(report.Notes.Select(n => (JsonNode?)n).ToArray()),
        };
    }

    /// <summary>The JSON of one classification summary (also printed by <c>evaluate --json</c>).</summary>
    public static JsonObject Summary(ClassificationSummary summary)
    {
        int classes = summary.ClassNames.Count;
        var matrix = new JsonArray();
        for (int truth = 0; truth < classes; truth++)
            matrix.Add(new JsonArray(Enumerable.Range(0, classes).Select(guess => (JsonNode?)summary.ConfusionMatrix[truth, guess]).ToArray()));
        return new JsonObject
        {
            ["count"] = summary.Count,
            ["macroF1"] = Number(summary.MacroF1),
            ["accuracy"] = Number(summary.Accuracy),
            ["logLoss"] = summary.LogLoss is { } logLoss ? Number(logLoss) : null,
            ["classes"] = new JsonArray(Enumerable.Range(0, classes).Select(c => (JsonNode?)new JsonObject
            {
                ["name"] = summary.ClassNames[c],
                ["f1"] = Number(summary.PerClassF1[c]),
                ["support"] = summary.Support[c],
            }).ToArray()),
            ["confusionMatrix"] = matrix,
        };
    }

    /// <summary>Writes <c>results.json</c> of <paramref name="report"/> to <paramref name="path"/>.</summary>
    public static void Write(ExperimentReport report, string path) =>
        File.WriteAllText(path, Build(report).ToJsonString(Formatting));

    private static JsonObject Run(RunResult run)
    {
        var json = new JsonObject { ["name"] = run.Name, ["modelPath"] = run.ModelPath };
        if (run.Training is { } training)
        {
            json["training"] = new JsonObject
            {
                ["policy"] = training.Policy,
                ["network"] = training.Network.ToString(),
                ["seed"] = training.Seed,
                ["threads"] = training.Threads,
                ["trainingSetSize"] = training.TrainingSetSize,
                ["validationSetSize"] = training.ValidationSetSize,
                ["epochs"] = training.Epochs.Count,
                ["bestEpoch"] = training.BestEpoch,
                ["bestValidationMacroF1"] = Number(training.BestValidationMacroF1),
                ["effectiveEpochs"] = Number(training.EffectiveEpochs),
                ["wallClockSeconds"] = Number(training.WallClockSeconds),
                ["cancelled"] = training.Cancelled,
                ["focusObservations"] = FocusSummary(training.FocusHistograms),
                ["perEpoch"] = new JsonArray(training.Epochs.Select(Epoch).ToArray<JsonNode?>()),
            };
        }
        if (run.Test is { } test) json["test"] = Summary(test);
        return json;
    }

    private static JsonObject Epoch(EpochReport epoch) => new()
    {
        ["epoch"] = epoch.Epoch,
        ["phase"] = epoch.Phase,
        ["samplesSeen"] = epoch.SamplesSeen,
        ["samplesKept"] = epoch.SamplesKept,
        ["keptFraction"] = Number(epoch.KeptFraction),
        ["cumulativeEffectiveEpochs"] = Number(epoch.CumulativeEffectiveEpochs),
        ["trainLoss"] = Number(epoch.TrainLoss),
        ["validationMacroF1"] = Number(epoch.ValidationMacroF1),
        ["validationAccuracy"] = Number(epoch.ValidationAccuracy),
        ["learningRate"] = Number(epoch.LearningRate),
        ["confidencePassSamples"] = epoch.ConfidencePassSamples,
        ["gradCamSamples"] = epoch.GradCamSamples,
        ["confidenceSeconds"] = Number(epoch.ConfidenceSeconds),
        ["gradCamSeconds"] = Number(epoch.GradCamSeconds),
        ["updateSeconds"] = Number(epoch.UpdateSeconds),
        ["validationSeconds"] = Number(epoch.ValidationSeconds),
        ["totalSeconds"] = Number(epoch.TotalSeconds),
    };

    private static JsonObject FocusSummary(IReadOnlyList<FocusHistogram> histograms)
    {
        var kept = histograms.Where(h => h.Kept).ToArray();
        var filtered = histograms.Where(h => !h.Kept).ToArray();
        return new JsonObject
        {
            ["kept"] = kept.Sum(h => (long)h.Count),
            ["filtered"] = filtered.Sum(h => (long)h.Count),
            ["meanFocusKept"] = MeanFocus(kept),
            ["meanFocusFiltered"] = MeanFocus(filtered),
        };
    }

    /// <summary>The exact mean focus of the candidates of <paramref name="histograms"/>, or null when there are none.</summary>
    private static JsonNode? MeanFocus(FocusHistogram[] histograms)
    {
        long scored = histograms.Sum(h => h.FocusCounts.Sum(c => (long)c));
        return scored == 0 ? null : Number(histograms.Sum(h => h.FocusSum) / scored);
    }

    private static JsonObject Explanation(ExplanationExample example) => new()
    {
        ["recordId"] = example.RecordId,
        ["trueLabel"] = example.TrueLabel,
        ["predictedLabel"] = example.PredictedLabel,
        ["probability"] = Number(example.Probability),
        ["image"] = $"plots/gradcam-{PlotStyle.Slug(example.RecordId)}.png",
    };

    /// <summary>A JSON number, or null for NaN and infinities (JSON has no such numbers).</summary>
    private static JsonNode? Number(double value) => double.IsFinite(value) ? JsonValue.Create(value) : null;
}
