using Erts.MLNet.Training;

namespace Erts.MLNet.Selection;

/// <summary>
/// Difficulty-based progressive dropout (DBPD): keep the rows not yet learned, p(true class) &lt; τ (τ = 0:
/// misclassified); skip the batch when there are none; then, for each class present in the batch with no kept
/// row, also keep that class's first row in the batch, so no class of the batch goes without a gradient.
/// </summary>
public sealed class Dbpd : INamedSelectionPolicy
{
    private readonly float _confidenceThreshold;
    private readonly bool _rescueMissingClasses;

    /// <summary>Creates the policy.</summary>
    /// <param name="confidenceThreshold">τ in [0, 1]; 0 means "misclassified". Default 0.3 in the trainer.</param>
    /// <param name="rescueMissingClasses">
    /// True (the baseline) adds the first row of each class of the batch left without a kept row; the ERTS
    /// variant turns it off because the focus filter rescues classes among its candidates itself.
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException">τ is outside [0, 1].</exception>
    public Dbpd(float confidenceThreshold, bool rescueMissingClasses = true)
    {
        _confidenceThreshold = ConfidenceCandidates.Validate(confidenceThreshold, nameof(confidenceThreshold));
        _rescueMissingClasses = rescueMissingClasses;
    }

    /// <inheritdoc />
    public static string PolicyName => "dbpd";

    /// <inheritdoc />
    public static ISelectionPolicy Create(ErtsTrainer.Options options) => new Dbpd(options.ConfidenceThreshold);

    /// <inheritdoc />
    public static Func<ErtsTrainer.Options, ISelectionPolicy>? CreateFocusCandidates =>
        options => new Dbpd(options.ConfidenceThreshold, rescueMissingClasses: false);

    /// <inheritdoc />
    public string Name => PolicyName;

    /// <inheritdoc />
    public bool UsesConfidence => true;

    /// <inheritdoc />
    public IReadOnlyList<int> Select(SelectionBatch batch)
    {
        var kept = ConfidenceCandidates.Find(batch, _confidenceThreshold);
        if (kept.Count == 0 || !_rescueMissingClasses) return kept;
        ClassRescue.AddMissingClasses(kept, Enumerable.Range(0, batch.Count), batch.Labels);
        kept.Sort();
        return kept;
    }
}
