using Erts.MLNet.Training;

namespace Erts.MLNet.Selection;

/// <summary>Full training: every row of every batch gets a gradient step (the baseline all others are compared with).</summary>
public sealed class FullBatch : INamedSelectionPolicy
{
    /// <inheritdoc />
    public static string PolicyName => "full";

    /// <inheritdoc />
    public static ISelectionPolicy Create(ErtsTrainer.Options options) => new FullBatch();

    /// <inheritdoc />
    public string Name => PolicyName;

    /// <inheritdoc />
    public bool UsesConfidence => false;

    /// <inheritdoc />
    public IReadOnlyList<int> Select(SelectionBatch batch) => Enumerable.Range(0, batch.Count).ToArray();
}
