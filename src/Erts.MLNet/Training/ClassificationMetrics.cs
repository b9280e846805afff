namespace Erts.MLNet.Training;

/// <summary>Accuracy and macro-F1 of predictions, as used to pick the best checkpoint.</summary>
internal static class ClassificationMetrics
{
    /// <summary>
    /// Accuracy, and macro-F1 averaged over the classes that occur among the labels or the predictions (a class
    /// with neither has no defined F1; this matches scikit-learn's <c>f1_score(average="macro", zero_division=0)</c>).
    /// </summary>
    public static (double MacroF1, double Accuracy) Compute(IReadOnlyList<int> labels, IReadOnlyList<int> predictions, int classes)
    {
        if (labels.Count != predictions.Count)
            throw new ArgumentException($"{labels.Count} labels but {predictions.Count} predictions.", nameof(predictions));
        if (labels.Count == 0) return (double.NaN, double.NaN);

        var truePositives = new int[classes];
        var actual = new int[classes];
        var predicted = new int[classes];
        for (int i = 0; i < labels.Count; i++)
        {
            actual[labels[i]]++;
            predicted[predictions[i]]++;
            if (labels[i] == predictions[i]) truePositives[labels[i]]++;
        }

        double f1Sum = 0;
        int classesSeen = 0;
        for (int c = 0; c < classes; c++)
        {
            if (actual[c] + predicted[c] == 0) continue;
            classesSeen++;
            f1Sum += 2.0 * truePositives[c] / (actual[c] + predicted[c]);
        }
        return (f1Sum / classesSeen, (double)truePositives.Sum() / labels.Count);
    }
}
