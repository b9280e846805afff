using Erts.MLNet.Training;

namespace Erts.Cli.Reports;

/// <summary>
/// How well a model classified one labelled set: the confusion matrix and the scores derived from it.
/// Everything is computed from the matrix, so the numbers in a table, a CSV and a heat map always agree.
/// </summary>
internal sealed class ClassificationSummary
{
    private ClassificationSummary(IReadOnlyList<string> classNames, int[,] confusionMatrix, double? logLoss, IReadOnlyDictionary<string, int>? leftOut)
    {
        ClassNames = classNames;
        LeftOut = leftOut ?? new Dictionary<string, int>();
        ConfusionMatrix = confusionMatrix;
        LogLoss = logLoss;
        // The library's one rule for F1 and macro-F1, so the CLI reports what the trainer selected on.
        var metrics = ClassificationMetrics.FromConfusionMatrix(confusionMatrix);
        Support = metrics.Support;
        PerClassF1 = metrics.PerClassF1;
        Count = metrics.Count;
        Accuracy = metrics.Accuracy;
        MacroF1 = metrics.MacroF1;
    }

    /// <summary>Class names; index = class index in the matrix.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>Counts: row = true class, column = predicted class.</summary>
    public int[,] ConfusionMatrix { get; }

    /// <summary>Examples per true class (row sums).</summary>
    public IReadOnlyList<int> Support { get; }

    /// <summary>F1 of each class, in [0, 1]; NaN (shown as empty) for a class with neither examples nor predictions.</summary>
    public IReadOnlyList<double> PerClassF1 { get; }

    /// <summary>Unweighted mean of the defined per-class F1 (<see cref="ClassificationMetrics"/> states the rule): the headline score.</summary>
    public double MacroF1 { get; }

    /// <summary>Correct predictions over all examples (NaN for an empty set).</summary>
    public double Accuracy { get; }

    /// <summary>Examples counted.</summary>
    public int Count { get; }

    /// <summary>Examples left out because the model was not trained on their label: count per label (empty when none).</summary>
    public IReadOnlyDictionary<string, int> LeftOut { get; }

    /// <summary>
    /// The line to warn with when examples were left out, e.g. "2 example(s) have a label the model was not trained on
    /// ('V' 2) and are not in the metrics", else null.
    /// </summary>
    public string? LeftOutWarning => LeftOut.Count == 0
        ? null
        : $"{LeftOut.Values.Sum()} example(s) have a label the model was not trained on " +
          $"({string.Join(", ", LeftOut.Take(5).Select(pair => $"'{(pair.Key.Length <= 40 ? pair.Key : pair.Key[..40] + "...")}' {pair.Value}"))}" +
          $"{(LeftOut.Count > 5 ? ", ..." : "")}) and are not in the metrics.";

    /// <summary>ML.NET's log-loss when the summary came from its evaluator, else null.</summary>
    public double? LogLoss { get; }

    /// <summary>Builds the summary from a confusion matrix of counts (rows = truth).</summary>
    /// <exception cref="ArgumentException">The matrix is not square with one row per class, or a count is negative.</exception>
    /// <param name="classNames">The model's classes.</param>
    /// <param name="counts">Counts, row = true class.</param>
    /// <param name="logLoss">ML.NET's log-loss, when known.</param>
    /// <param name="leftOut">Examples not counted because their label is not one of <paramref name="classNames"/>, per label.</param>
    public static ClassificationSummary FromConfusionMatrix(IReadOnlyList<string> classNames, int[,] counts, double? logLoss = null,
        IReadOnlyDictionary<string, int>? leftOut = null)
    {
        if (counts.GetLength(0) != classNames.Count || counts.GetLength(1) != classNames.Count)
            throw new ArgumentException(
                $"confusion matrix is {counts.GetLength(0)} x {counts.GetLength(1)}; {classNames.Count} classes need {classNames.Count} x {classNames.Count}.",
                nameof(counts));
        foreach (int count in counts)
            if (count < 0) throw new ArgumentException($"confusion matrix counts must be 0 or more (got {count}).", nameof(counts));
        return new ClassificationSummary(classNames, (int[,])counts.Clone(), logLoss, leftOut);
    }

    /// <summary>Builds the summary from true and predicted class indices.</summary>
    /// <exception cref="ArgumentException">The arrays differ in length or hold an index outside the classes.</exception>
    public static ClassificationSummary FromPredictions(IReadOnlyList<string> classNames, IReadOnlyList<int> truth, IReadOnlyList<int> predicted)
    {
        if (truth.Count != predicted.Count)
            throw new ArgumentException($"{truth.Count} true labels but {predicted.Count} predictions.", nameof(predicted));
        var counts = new int[classNames.Count, classNames.Count];
        for (int i = 0; i < truth.Count; i++)
        {
            if ((uint)truth[i] >= (uint)classNames.Count || (uint)predicted[i] >= (uint)classNames.Count)
                throw new ArgumentException(
                    $"example {i}: class index (truth {truth[i]}, predicted {predicted[i]}) is outside [0, {classNames.Count}).", nameof(truth));
            counts[truth[i], predicted[i]]++;
        }
        return new ClassificationSummary(classNames, counts, logLoss: null, leftOut: null);
    }
}
