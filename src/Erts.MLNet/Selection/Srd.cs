using Erts.MLNet.Training;

namespace Erts.MLNet.Selection;

/// <summary>
/// Scheduled random dropout (SRD): floor(d^e x B) rows of the batch drawn uniformly at random, with epoch e and
/// retention d (0.99), so the share of data used shrinks geometrically whatever the model knows.
/// </summary>
public sealed class Srd : INamedSelectionPolicy
{
    /// <summary>The reference code's per-epoch retention d.</summary>
    public const double DefaultRetentionPerEpoch = 0.99;

    private readonly double _retentionPerEpoch;

    /// <summary>Creates the policy.</summary>
    /// <param name="retentionPerEpoch">Retention d in (0, 1]. Default 0.99.</param>
    /// <exception cref="ArgumentOutOfRangeException">d is outside (0, 1].</exception>
    public Srd(double retentionPerEpoch = DefaultRetentionPerEpoch)
    {
        if (!(retentionPerEpoch > 0 && retentionPerEpoch <= 1))
            throw new ArgumentOutOfRangeException(nameof(retentionPerEpoch), retentionPerEpoch, "The retention per epoch must be in (0, 1].");
        _retentionPerEpoch = retentionPerEpoch;
    }

    /// <inheritdoc />
    public static string PolicyName => "srd";

    /// <inheritdoc />
    public static ISelectionPolicy Create(ErtsTrainer.Options options) => new Srd();

    /// <inheritdoc />
    public static Func<ErtsTrainer.Options, ISelectionPolicy>? CreateFocusCandidates => Create;

    /// <inheritdoc />
    public string Name => PolicyName;

    /// <inheritdoc />
    public bool UsesConfidence => false;

    /// <inheritdoc />
    public IReadOnlyList<int> Select(SelectionBatch batch)
    {
        int count = (int)Math.Floor(Math.Pow(_retentionPerEpoch, batch.Epoch) * batch.Count);
        return RandomRows.Choose(batch.Count, count, batch.Random);
    }
}
