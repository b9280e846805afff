using System.Text.Json;
using System.Text.Json.Serialization;
using Erts.MLNet.Training;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Erts.Pipelines;

/// <summary>The test metrics a pipeline reports: macro-F1 (the headline), accuracy, per-class F1 and the confusion matrix.</summary>
/// <param name="MacroF1">Mean F1 over the classes that occur among the labels or the predictions (<see cref="ClassificationMetrics"/>).</param>
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

    /// <summary>Summarises ML.NET's multiclass metrics by the library's rule (<see cref="ClassificationMetrics"/>).</summary>
    /// <param name="metrics">The result of <c>mlContext.MulticlassClassification.Evaluate</c>.</param>
    /// <param name="classNames">Class names in key order (the trained model's <c>ClassNames</c>).</param>
    /// <param name="rows">Rows that were evaluated; the evaluator must have counted every one.</param>
    /// <exception cref="InvalidOperationException">The evaluator counted fewer rows: it drops rows whose label is missing
    /// (a class the label key does not know) without a word.</exception>
    public static EvaluationSummary From(MulticlassClassificationMetrics metrics, IReadOnlyList<string> classNames, long rows)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(classNames);
        var scores = ClassificationMetrics.FromConfusionMatrix(metrics.ConfusionMatrix);
        if (scores.Count != rows)
            throw new InvalidOperationException(
                $"ML.NET's evaluator counted {scores.Count} of {rows} rows: {rows - scores.Count} have a label outside the model's classes " +
                $"({string.Join(", ", classNames.Take(20))}) and would have been left out of every metric.");
        var perClass = new Dictionary<string, double>();
        for (int c = 0; c < scores.Classes; c++)
            // A class with neither examples nor predictions has no F1: not reported, and not in the macro average.
            if (!double.IsNaN(scores.PerClassF1[c])) perClass[c < classNames.Count ? classNames[c] : c.ToString()] = scores.PerClassF1[c];
        var counts = metrics.ConfusionMatrix.Counts;
        return new EvaluationSummary(scores.MacroF1, scores.Accuracy, perClass,
            counts.Select(row => (IReadOnlyList<double>)row.ToArray()).ToArray(), classNames);
    }

    /// <summary>Rows of <paramref name="view"/>: its known count, else counted with a cursor that reads no column.</summary>
    public static long CountRows(IDataView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        if (view.GetRowCount() is { } known) return known;
        long rows = 0;
        using var cursor = view.GetRowCursor([]);
        while (cursor.MoveNext()) rows++;
        return rows;
    }

    /// <summary>Writes the summary as JSON (snake_case names).</summary>
    /// <param name="path">Target file, replaced if it exists.</param>
    public void WriteJson(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, Json));

    /// <summary>One line per class and the headline, for the console.</summary>
    public override string ToString() =>
        $"macro-F1 {MacroF1:F4}, accuracy {Accuracy:F4}; per class: " +
        string.Join(", ", PerClassF1.Select(pair => $"{pair.Key} {pair.Value:F3}"));
}
