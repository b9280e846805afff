namespace Erts.MLNet.Selection;

/// <summary>The rows progressive data dropout still considers worth training on: those not yet learned.</summary>
internal static class ConfidenceCandidates
{
    /// <summary>
    /// Rows with p(true class) below <paramref name="threshold"/>; a threshold of 0 means "misclassified"
    /// (arg-max differs from the label), as in the reference code.
    /// </summary>
    public static List<int> Find(SelectionBatch batch, float threshold)
    {
        var rows = new List<int>();
        for (int row = 0; row < batch.Count; row++)
        {
            bool notLearned = threshold == 0f
                ? batch.PredictedClasses[row] != batch.Labels[row]
                : batch.TrueClassConfidence[row] < threshold;
            if (notLearned) rows.Add(row);
        }
        return rows;
    }

    /// <summary>Checks a threshold τ at construction, naming the parameter.</summary>
    public static float Validate(float threshold, string parameterName)
    {
        if (!(threshold >= 0f && threshold <= 1f))
            throw new ArgumentOutOfRangeException(parameterName, threshold, "The confidence threshold must be in [0, 1] (0 means misclassified).");
        return threshold;
    }
}
