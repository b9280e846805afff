using Erts.MLNet.Training;

namespace Erts.Experiments.Grid;

/// <summary>
/// How the focus filter treated candidates with flipped labels versus clean ones, over every epoch it ran: the
/// evidence for (or against) "reliability ranks flipped labels high, focus alone separates them".
/// </summary>
/// <param name="FlippedCandidates">Observations of flipped-label candidates.</param>
/// <param name="CleanCandidates">Observations of clean candidates.</param>
/// <param name="FocusAuc">P(focus of a clean candidate &gt; focus of a flipped one): 0.5 = no separation, 1 = focus ranks every clean candidate above every flipped one.</param>
/// <param name="ReliabilityAuc">The same for the paper's reliability (1 − confidence) × focus: below 0.5 means flipped candidates rank higher.</param>
/// <param name="FlippedKeptRate">Share of flipped-label candidates the filter kept.</param>
/// <param name="CleanKeptRate">Share of clean candidates the filter kept.</param>
public sealed record FlipAnalysis(int FlippedCandidates, int CleanCandidates, double FocusAuc, double ReliabilityAuc, double FlippedKeptRate, double CleanKeptRate)
{
    /// <summary>Analyses the focus observations of a run, or returns null when there are no flipped or no clean candidates.</summary>
    /// <param name="observations">The training report's focus observations.</param>
    /// <param name="flipped">For each training row, whether its label was flipped.</param>
    public static FlipAnalysis? From(IReadOnlyList<FocusObservation> observations, IReadOnlyList<bool> flipped)
    {
        var dirty = observations.Where(o => flipped[o.SampleIndex]).ToList();
        var clean = observations.Where(o => !flipped[o.SampleIndex]).ToList();
        if (dirty.Count == 0 || clean.Count == 0) return null;
        static double Reliability(FocusObservation o) => (1 - o.Confidence) * o.Focus;
        return new FlipAnalysis(dirty.Count, clean.Count,
            Auc(clean.Select(o => (double)o.Focus), dirty.Select(o => (double)o.Focus)),
            Auc(clean.Select(Reliability), dirty.Select(Reliability)),
            dirty.Count(o => o.Kept) / (double)dirty.Count, clean.Count(o => o.Kept) / (double)clean.Count);
    }

    /// <summary>Mann-Whitney AUC: P(a random <paramref name="higher"/> value &gt; a random <paramref name="lower"/> value), ties counting one half.</summary>
    internal static double Auc(IEnumerable<double> higher, IEnumerable<double> lower)
    {
        var ranked = higher.Select(v => (Value: v, High: true)).Concat(lower.Select(v => (Value: v, High: false)))
            .OrderBy(x => x.Value).ToArray();
        double highRankSum = 0;
        long highCount = 0;
        for (int i = 0; i < ranked.Length;)
        {
            int j = i;
            while (j < ranked.Length && ranked[j].Value == ranked[i].Value) j++;
            double averageRank = (i + j + 1) / 2.0;   // ranks are 1-based: i+1 .. j
            for (int k = i; k < j; k++)
                if (ranked[k].High) { highRankSum += averageRank; highCount++; }
            i = j;
        }
        long lowCount = ranked.Length - highCount;
        return (highRankSum - highCount * (highCount + 1) / 2.0) / (highCount * (double)lowCount);
    }
}
