using Erts.MLNet.Explainability;
using Erts.MLNet.Selection;

namespace Erts.Experiments.Grid;

/// <summary>A selection policy as the grid runs it: a trainer policy name plus the focus filter's ranking.</summary>
/// <param name="Label">Name in results and filters, e.g. "erts-dbpd" or "erts-dbpd-focus".</param>
/// <param name="PolicyName">The trainer's <c>SelectionPolicy</c>.</param>
/// <param name="Ranking">The trainer's <c>ReliabilityRanking</c> (only ERTS policies use it).</param>
/// <param name="ScoreReuseEpochs">The trainer's <c>ScoreReuseEpochs</c> (0: a fresh confidence pass every batch).</param>
/// <param name="ReviseLastEpochOnly">PDD's schedule (revision in the last epoch only) instead of the paper's (from E/2).</param>
/// <param name="FocusResolution">The trainer's <c>FocusResolution</c> (only ERTS policies use it).</param>
public sealed record GridPolicy(string Label, string PolicyName, ReliabilityRanking Ranking, int ScoreReuseEpochs = 0, bool ReviseLastEpochOnly = false,
    FocusResolution FocusResolution = FocusResolution.ExplainedLayer)
{
    /// <summary>
    /// The paper's seven policies, baselines first, plus ERTS-DBPD ranking by focus alone (the noise arm's extra), a
    /// cost-saving ERTS-DBPD, and both rankings with focus measured at the input's resolution (on request).
    /// </summary>
    public static IReadOnlyList<GridPolicy> All { get; } =
    [
        Paper("full"), Paper("dbpd"), Paper("smrd"), Paper("srd"), Paper("erts-dbpd"), Paper("erts-smrd"), Paper("erts-srd"),
        new("erts-dbpd-focus", "erts-dbpd", ReliabilityRanking.Focus),
        // The cost-saving variant: scores reused for 2 epochs and PDD's last-epoch-only revision (not in the paper).
        new("erts-dbpd-fast", "erts-dbpd", ReliabilityRanking.ConfidenceTimesFocus, ScoreReuseEpochs: 2, ReviseLastEpochOnly: true),
        // Focus measured on the Grad-CAM profile stretched to the input length (not in the paper): on short inputs
        // the explained layer has too few positions for the score to vary (see FocusResolution).
        new("erts-dbpd-input-focus", "erts-dbpd", ReliabilityRanking.ConfidenceTimesFocus, FocusResolution: FocusResolution.Input),
        new("erts-dbpd-focus-input-focus", "erts-dbpd", ReliabilityRanking.Focus, FocusResolution: FocusResolution.Input),
    ];

    /// <summary>The policy labelled <paramref name="label"/> (case-insensitive).</summary>
    /// <exception cref="ArgumentException">Unknown label; the message lists the known ones.</exception>
    public static GridPolicy Find(string label) =>
        All.FirstOrDefault(policy => string.Equals(policy.Label, label, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Unknown policy '{label}'; known: {string.Join(", ", All.Select(p => p.Label))}.", nameof(label));

    private static GridPolicy Paper(string name) => new(name, name, ReliabilityRanking.ConfidenceTimesFocus);
}
