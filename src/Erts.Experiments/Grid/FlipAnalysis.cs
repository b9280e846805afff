using Erts.MLNet.Training;

namespace Erts.Experiments.Grid;

/// <summary>
/// How the focus filter treated candidates with flipped labels versus clean ones, over every epoch it ran: the
/// evidence for (or against) "reliability ranks flipped labels high, focus alone separates them".
/// </summary>
/// <remarks>
/// Computed from the report's focus histograms, with the flipped rows flagged (<see cref="ErtsTrainer.Options.FocusFlaggedRows"/>):
/// the AUCs are exact for the scores rounded down to multiples of <see cref="FocusHistogram.BinWidth"/> (0.01), that
/// is, pairs of candidates in the same bin count as ties.
/// </remarks>
/// <param name="FlippedCandidates">Scored candidates with a flipped label, counted once per epoch scored.</param>
/// <param name="CleanCandidates">Scored candidates with a clean label, counted once per epoch scored.</param>
/// <param name="FocusAuc">P(focus of a clean candidate &gt; focus of a flipped one): 0.5 = no separation, 1 = focus ranks every clean candidate above every flipped one.</param>
/// <param name="ReliabilityAuc">The same for the paper's reliability (1 − confidence) × focus: below 0.5 means flipped candidates rank higher (NaN when the policy measures no confidence).</param>
/// <param name="FlippedKeptRate">Share of flipped-label candidates the filter kept.</param>
/// <param name="CleanKeptRate">Share of clean candidates the filter kept.</param>
public sealed record FlipAnalysis(long FlippedCandidates, long CleanCandidates, double FocusAuc, double ReliabilityAuc, double FlippedKeptRate, double CleanKeptRate)
{
    /// <summary>Analyses the focus histograms of a run, or returns null when there are no flipped or no clean candidates.</summary>
    /// <param name="histograms">The training report's focus histograms, trained with the flipped rows as <see cref="ErtsTrainer.Options.FocusFlaggedRows"/>.</param>
    public static FlipAnalysis? From(IReadOnlyList<FocusHistogram> histograms)
    {
        ArgumentNullException.ThrowIfNull(histograms);
        var flipped = histograms.Where(h => h.Flagged).ToArray();
        var clean = histograms.Where(h => !h.Flagged).ToArray();
        long flippedCount = flipped.Sum(h => (long)h.Count), cleanCount = clean.Sum(h => (long)h.Count);
        if (flippedCount == 0 || cleanCount == 0) return null;
        return new FlipAnalysis(flippedCount, cleanCount,
            Auc(Sum(clean, h => h.FocusCounts), Sum(flipped, h => h.FocusCounts)),
            Auc(Sum(clean, h => h.ReliabilityCounts), Sum(flipped, h => h.ReliabilityCounts)),
            flipped.Where(h => h.Kept).Sum(h => (long)h.Count) / (double)flippedCount,
            clean.Where(h => h.Kept).Sum(h => (long)h.Count) / (double)cleanCount);
    }

    /// <summary>
    /// Mann-Whitney AUC of two histograms on the same bins: P(a random <paramref name="higher"/> value &gt; a random
    /// <paramref name="lower"/> value), pairs in the same bin counting one half; NaN when either is empty.
    /// </summary>
    internal static double Auc(IReadOnlyList<long> higher, IReadOnlyList<long> lower)
    {
        double wins = 0;
        long lowerBelow = 0;
        for (int bin = 0; bin < higher.Count; bin++)
        {
            wins += higher[bin] * (lowerBelow + 0.5 * lower[bin]);
            lowerBelow += lower[bin];
        }
        return wins / (higher.Sum() * (double)lowerBelow);
    }

    private static long[] Sum(IEnumerable<FocusHistogram> histograms, Func<FocusHistogram, IReadOnlyList<int>> counts)
    {
        var total = new long[FocusHistogram.Bins];
        foreach (var histogram in histograms)
            for (int bin = 0; bin < total.Length; bin++) total[bin] += counts(histogram)[bin];
        return total;
    }
}
