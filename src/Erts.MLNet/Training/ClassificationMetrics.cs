using Microsoft.ML.Data;

namespace Erts.MLNet.Training;

/// <summary>
/// Accuracy, per-class F1 and macro-F1 of a multiclass classifier, from a confusion matrix, by the one rule that every
/// part of ERTS.MLNet uses: the trainer's choice of the best epoch, the <c>erts</c> reports, the pipelines and the
/// experiments.
/// </summary>
/// <remarks>
/// <para><b>The rule.</b> The classes are those of the label key the model was trained on. F1 of class c is
/// 2·TP / (2·TP + FP + FN) = 2·TP / (examples of c + predictions of c). A class with neither examples nor predictions
/// has no F1 (0 / 0): its F1 is NaN and macro-F1, the unweighted mean of the per-class F1, leaves it out. A class with
/// examples but no predictions, or predictions but no examples, scores 0. This is scikit-learn's
/// <c>f1_score(y_true, y_pred, average="macro")</c>, which averages over the classes found in either array. Passing
/// <c>labels=</c> explicitly would instead score such a class 0 (with an UndefinedMetricWarning), so that a perfect
/// classifier evaluated on a set without class c could reach only (K - 1) / K.</para>
/// <para>Every row counts: ML.NET's evaluator drops rows with NaN scores or a missing label without saying so, so
/// compare <see cref="Count"/> with the number of rows scored (ERTS models refuse non-finite input instead of scoring NaN).</para>
/// </remarks>
public sealed class ClassificationMetrics
{
    private readonly int[] _support;
    private readonly int[] _predicted;
    private readonly double[] _f1;

    private ClassificationMetrics(int[,] counts)
    {
        int classes = counts.GetLength(0);
        _support = new int[classes];
        _predicted = new int[classes];
        int correct = 0;
        for (int truth = 0; truth < classes; truth++)
            for (int guess = 0; guess < classes; guess++)
            {
                int count = counts[truth, guess];
                _support[truth] += count;
                _predicted[guess] += count;
                Count += count;
                if (truth == guess) correct += count;
            }

        _f1 = new double[classes];
        double sum = 0;
        int defined = 0;
        for (int c = 0; c < classes; c++)
        {
            int denominator = _support[c] + _predicted[c];
            _f1[c] = denominator == 0 ? double.NaN : 2.0 * counts[c, c] / denominator;
            if (denominator == 0) continue;
            sum += _f1[c];
            defined++;
        }
        MacroF1 = defined == 0 ? double.NaN : sum / defined;
        Accuracy = Count == 0 ? double.NaN : (double)correct / Count;
    }

    /// <summary>Number of classes.</summary>
    public int Classes => _f1.Length;

    /// <summary>Rows counted.</summary>
    public int Count { get; }

    /// <summary>Examples of each class (the confusion matrix's row sums).</summary>
    public IReadOnlyList<int> Support => _support;

    /// <summary>Predictions of each class (the column sums).</summary>
    public IReadOnlyList<int> Predicted => _predicted;

    /// <summary>F1 of each class, in [0, 1]; NaN for a class with neither examples nor predictions.</summary>
    public IReadOnlyList<double> PerClassF1 => _f1;

    /// <summary>Mean of the defined per-class F1 (the rule in the remarks); NaN when no row was counted.</summary>
    public double MacroF1 { get; }

    /// <summary>Correct predictions over all rows; NaN when no row was counted.</summary>
    public double Accuracy { get; }

    /// <summary>The metrics of a confusion matrix of counts: row = true class, column = predicted class.</summary>
    /// <exception cref="ArgumentException">The matrix is not square, or a count is negative.</exception>
    public static ClassificationMetrics FromConfusionMatrix(int[,] counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (counts.GetLength(0) != counts.GetLength(1))
            throw new ArgumentException($"The confusion matrix is {counts.GetLength(0)} x {counts.GetLength(1)}; it must be square (one row and column per class).", nameof(counts));
        foreach (int count in counts)
            if (count < 0) throw new ArgumentException($"Confusion matrix counts must be 0 or more (got {count}).", nameof(counts));
        return new ClassificationMetrics(counts);
    }

    /// <summary>The metrics of ML.NET's confusion matrix (<c>MulticlassClassificationMetrics.ConfusionMatrix</c>) of unweighted rows.</summary>
    /// <exception cref="ArgumentException">A count is negative or not a whole number (a weighted evaluation).</exception>
    public static ClassificationMetrics FromConfusionMatrix(ConfusionMatrix confusionMatrix)
    {
        ArgumentNullException.ThrowIfNull(confusionMatrix);
        var source = confusionMatrix.Counts;
        int classes = source.Count;
        var counts = new int[classes, classes];
        for (int truth = 0; truth < classes; truth++)
        {
            if (source[truth].Count != classes)
                throw new ArgumentException($"Row {truth} of the confusion matrix has {source[truth].Count} counts; {classes} classes need {classes}.", nameof(confusionMatrix));
            for (int guess = 0; guess < classes; guess++)
            {
                double count = source[truth][guess];
                if (count < 0 || count > int.MaxValue || count != Math.Floor(count))
                    throw new ArgumentException($"Confusion matrix counts must be whole numbers of rows (got {count} at [{truth}, {guess}]); weighted evaluations are not supported.",
                        nameof(confusionMatrix));
                counts[truth, guess] = (int)count;
            }
        }
        return new ClassificationMetrics(counts);
    }

    /// <summary>The metrics of true and predicted 0-based class indices.</summary>
    /// <exception cref="ArgumentException">The lists differ in length, or an index is outside [0, <paramref name="classes"/>).</exception>
    public static ClassificationMetrics FromPredictions(IReadOnlyList<int> labels, IReadOnlyList<int> predictions, int classes)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentOutOfRangeException.ThrowIfNegative(classes);
        if (labels.Count != predictions.Count)
            throw new ArgumentException($"{labels.Count} labels but {predictions.Count} predictions.", nameof(predictions));
        var counts = new int[classes, classes];
        for (int i = 0; i < labels.Count; i++)
        {
            if ((uint)labels[i] >= (uint)classes || (uint)predictions[i] >= (uint)classes)
                throw new ArgumentException($"Row {i}: class index (label {labels[i]}, predicted {predictions[i]}) is outside [0, {classes}).", nameof(labels));
            counts[labels[i], predictions[i]]++;
        }
        return new ClassificationMetrics(counts);
    }
}
