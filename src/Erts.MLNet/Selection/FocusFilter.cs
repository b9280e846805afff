namespace Erts.MLNet.Selection;

/// <summary>
/// The ERTS focus filter, a decorator over a candidate rule (DBPD, SMRD, SRD): among the candidates H it keeps
/// those worth a gradient step — not yet learned and with concentrated Grad-CAM evidence — and drops the rest as
/// likely noisy or ambiguous.
/// </summary>
/// <remarks>
/// From epoch <c>startEpoch</c> (W + C0) and when |H| &gt; 1: reliability r_i = (1 − conf_i) × focus_i (the paper's
/// ranking; <see cref="ReliabilityRanking.Focus"/> uses focus_i alone); keep the top k = max(1, floor(ρ·|H|)) by r (ties: earlier row first); then, for each class present in H with no kept
/// row, keep that class's highest-r candidate. Otherwise H is kept as is. Focus is asked for the candidates only,
/// and only when the filter runs.
/// </remarks>
public sealed class FocusFilter : ISelectionPolicy
{
    /// <summary>Prefix of the names of filtered policies: "erts-dbpd" is the filter over "dbpd".</summary>
    public const string NamePrefix = "erts-";

    private readonly ISelectionPolicy _candidates;
    private readonly decimal _keepFraction;
    private readonly int _startEpoch;
    private readonly ReliabilityRanking _ranking;

    /// <summary>Creates the filter.</summary>
    /// <param name="candidates">The rule giving the candidate set H.</param>
    /// <param name="keepFraction">ρ in (0, 1]: share of candidates kept by reliability. Default 0.7 in the trainer.</param>
    /// <param name="startEpoch">First 0-based epoch in which the filter runs, W + C0 (default 5 + 3 in the trainer); 0 or more.</param>
    /// <param name="ranking">How candidates are ranked; default the paper's (1 − confidence) × focus.</param>
    /// <exception cref="ArgumentOutOfRangeException">ρ is outside (0, 1], the start epoch is negative or the ranking is unknown.</exception>
    public FocusFilter(ISelectionPolicy candidates, float keepFraction, int startEpoch,
        ReliabilityRanking ranking = ReliabilityRanking.ConfidenceTimesFocus)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        if (!(keepFraction > 0f && keepFraction <= 1f))
            throw new ArgumentOutOfRangeException(nameof(keepFraction), keepFraction, "The keep fraction must be in (0, 1].");
        ArgumentOutOfRangeException.ThrowIfNegative(startEpoch);
        if (!Enum.IsDefined(ranking)) throw new ArgumentOutOfRangeException(nameof(ranking), ranking, "Not a known reliability ranking.");
        _candidates = candidates;
        // Decimal keeps floor(ρ·|H|) exact for the value as written: 0.7f x 10 is 7, not 6.9999998.
        _keepFraction = (decimal)keepFraction;
        _startEpoch = startEpoch;
        _ranking = ranking;
    }

    /// <inheritdoc />
    public string Name => NamePrefix + _candidates.Name;

    /// <inheritdoc />
    public bool UsesConfidence => true;

    /// <inheritdoc />
    public IReadOnlyList<int> Select(SelectionBatch batch)
    {
        var candidates = _candidates.Select(batch);
        if (batch.Epoch < _startEpoch || candidates.Count <= 1) return candidates;

        float[] focus = batch.Focus.Score(candidates);
        var reliability = new float[candidates.Count];
        for (int i = 0; i < candidates.Count; i++)
            reliability[i] = _ranking == ReliabilityRanking.Focus ? focus[i] : (1f - batch.TrueClassConfidence[candidates[i]]) * focus[i];

        // OrderByDescending is stable, so equal reliabilities keep row order.
        int[] byReliability = Enumerable.Range(0, candidates.Count)
            .OrderByDescending(i => reliability[i])
            .Select(i => candidates[i])
            .ToArray();
        int keep = Math.Max(1, (int)Math.Floor(_keepFraction * candidates.Count));
        var kept = byReliability.Take(keep).ToList();
        ClassRescue.AddMissingClasses(kept, byReliability, batch.Labels);
        kept.Sort();
        return kept;
    }
}
