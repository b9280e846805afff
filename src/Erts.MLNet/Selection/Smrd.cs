using Erts.MLNet.Training;

namespace Erts.MLNet.Selection;

/// <summary>
/// Size-matched random dropout (SMRD): as many rows as DBPD's candidates, |{p(true class) &lt; τ}|, but drawn
/// uniformly at random from the whole batch. It isolates the effect of choosing *which* rows from *how many*.
/// </summary>
public sealed class Smrd : INamedSelectionPolicy
{
    private readonly float _confidenceThreshold;

    /// <summary>Creates the policy.</summary>
    /// <param name="confidenceThreshold">τ in [0, 1]; 0 means "misclassified". Default 0.3 in the trainer.</param>
    /// <exception cref="ArgumentOutOfRangeException">τ is outside [0, 1].</exception>
    public Smrd(float confidenceThreshold) =>
        _confidenceThreshold = ConfidenceCandidates.Validate(confidenceThreshold, nameof(confidenceThreshold));

    /// <inheritdoc />
    public static string PolicyName => "smrd";

    /// <inheritdoc />
    public static ISelectionPolicy Create(ErtsTrainer.Options options) => new Smrd(options.ConfidenceThreshold);

    /// <inheritdoc />
    public static Func<ErtsTrainer.Options, ISelectionPolicy>? CreateFocusCandidates => Create;

    /// <inheritdoc />
    public string Name => PolicyName;

    /// <inheritdoc />
    public bool UsesConfidence => true;

    /// <inheritdoc />
    public IReadOnlyList<int> Select(SelectionBatch batch)
    {
        int count = ConfidenceCandidates.Find(batch, _confidenceThreshold).Count;
        return RandomRows.Choose(batch.Count, count, batch.Random);
    }
}
