namespace Erts.MLNet.Selection;

/// <summary>
/// Decides which rows of a mini-batch get a gradient step during the selection phase. Policies differ only in
/// this choice; warm-up and revision (train on everything) are applied once by the training loop, not here.
/// </summary>
public interface ISelectionPolicy
{
    /// <summary>Registry name, e.g. "dbpd" or "erts-dbpd".</summary>
    string Name { get; }

    /// <summary>
    /// True when <see cref="Select"/> reads <see cref="SelectionBatch.TrueClassConfidence"/> or
    /// <see cref="SelectionBatch.PredictedClasses"/>; false lets the loop skip the confidence pass entirely.
    /// </summary>
    bool UsesConfidence { get; }

    /// <summary>Rows (0-based, ascending, distinct) to back-propagate; empty skips the batch.</summary>
    /// <param name="batch">The mini-batch as the policy sees it.</param>
    IReadOnlyList<int> Select(SelectionBatch batch);
}
