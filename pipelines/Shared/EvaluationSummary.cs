using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.ML.Data;

namespace Erts.Pipelines;

/// <summary>The test metrics a pipeline reports: macro-F1 (the headline), accuracy, per-class F1 and the confusion matrix.</summary>
/// <param name="MacroF1">Mean F1 over the classes that occur among the labels or the predictions.</param>
/// <param name="Accuracy">Share of correct predictions (ML.NET's micro-accuracy).</param>
/// <param name="PerClassF1">F1 of each class, by class name.</param>
/// <param name="ConfusionMatrix">Counts[true class][predicted class], classes in <see cref="ClassNames"/> order.</param>
/// <param name="ClassNames">Class names in key order.</param>
public sealed record EvaluationSummary(
    double MacroF1,
    double Accuracy,
    IReadOnlyDictionary<string, double> PerClassF1,
    IReadOnlyList<IReadOnlyList<double>> ConfusionMatrix,
    IReadOnlyList<string> ClassNames)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Summarises ML.NET's multiclass metrics.</summary>
    /// <param name="metrics">The result of <c>mlContext.MulticlassClassification.Evaluate</c>.</param>
    /// <param name="classNames">Class names in key order (the trained model's <c>ClassNames</c>).</param>
    public static EvaluationSummary From(MulticlassClassificationMetrics metrics, IReadOnlyList<string> classNames)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(classNames);
        var counts = metrics.ConfusionMatrix.Counts;
        var perClass = new Dictionary<string, double>();
        for (int c = 0; c < counts.Count; c++)
        {
            double actual = counts[c].Sum(), predicted = counts.Sum(row => row[c]);
            // A class absent from both labels and predictions has no F1; leaving it out matches scikit-learn's macro average.
            if (actual + predicted > 0) perClass[c < classNames.Count ? classNames[c] : c.ToString()] = 2 * counts[c][c] / (actual + predicted);
        }
        return new EvaluationSummary(perClass.Count == 0 ? double.NaN : perClass.Values.Average(), metrics.MicroAccuracy, perClass,
            counts.Select(row => (IReadOnlyList<double>)row.ToArray()).ToArray(), classNames);
    }

    /// <summary>Writes the summary as JSON (snake_case names).</summary>
    /// <param name="path">Target file, replaced if it exists.</param>
    public void WriteJson(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, Json));

    /// <summary>One line per class and the headline, for the console.</summary>
    public override string ToString() =>
        $"macro-F1 {MacroF1:F4}, accuracy {Accuracy:F4}; per class: " +
        string.Join(", ", PerClassF1.Select(pair => $"{pair.Key} {pair.Value:F3}"));
}
