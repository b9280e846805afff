namespace Erts.MLNet.Selection;

/// <summary>What a selection policy sees of one mini-batch: labels, the confidence pass and lazy focus scores.</summary>
public sealed class SelectionBatch
{
    /// <summary>Creates the view.</summary>
    /// <param name="epoch">0-based epoch.</param>
    /// <param name="labels">True class of each row.</param>
    /// <param name="trueClassConfidence">p(true class) of each row, or empty when the policy does not use confidence.</param>
    /// <param name="predictedClasses">Arg-max class of each row, or empty when the policy does not use confidence.</param>
    /// <param name="focus">Computes focus scores of rows on request.</param>
    /// <param name="random">Seeded generator for random policies.</param>
    /// <exception cref="ArgumentException">Confidence or predictions are neither empty nor one per row.</exception>
    public SelectionBatch(int epoch, int[] labels, float[] trueClassConfidence, int[] predictedClasses, IFocusSource focus, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(epoch);
        RequireOnePerRowOrNone(trueClassConfidence.Length, labels.Length, nameof(trueClassConfidence));
        RequireOnePerRowOrNone(predictedClasses.Length, labels.Length, nameof(predictedClasses));
        Epoch = epoch;
        Labels = labels;
        TrueClassConfidence = trueClassConfidence;
        PredictedClasses = predictedClasses;
        Focus = focus;
        Random = random;
    }

    /// <summary>0-based epoch.</summary>
    public int Epoch { get; }

    /// <summary>Rows in the batch.</summary>
    public int Count => Labels.Count;

    /// <summary>True class of each row.</summary>
    public IReadOnlyList<int> Labels { get; }

    /// <summary>p(true class) of each row in the confidence pass (empty when the policy said it does not use it).</summary>
    public IReadOnlyList<float> TrueClassConfidence { get; }

    /// <summary>Arg-max class of each row in the confidence pass (empty when the policy said it does not use it).</summary>
    public IReadOnlyList<int> PredictedClasses { get; }

    /// <summary>Focus scores, computed only for the rows asked for.</summary>
    public IFocusSource Focus { get; }

    /// <summary>Seeded generator for random choices.</summary>
    public Random Random { get; }

    private static void RequireOnePerRowOrNone(int length, int rows, string name)
    {
        if (length != 0 && length != rows)
            throw new ArgumentException($"{name} has {length} values; the batch has {rows} rows (give one per row, or none).", name);
    }
}
