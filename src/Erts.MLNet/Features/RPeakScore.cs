namespace Erts.MLNet.Features;

/// <summary>
/// How detected beats match reference beats (ANSI/AAMI EC57 style): a detection within the tolerance of an unmatched
/// reference beat is a true positive; unmatched references are false negatives, unmatched detections false positives.
/// </summary>
/// <param name="TruePositives">Reference beats matched by a detection.</param>
/// <param name="FalseNegatives">Reference beats no detection matched.</param>
/// <param name="FalsePositives">Detections that matched no reference beat.</param>
public readonly record struct RPeakScore(int TruePositives, int FalseNegatives, int FalsePositives)
{
    /// <summary>Sensitivity Se = TP / (TP + FN); 1 when there is no reference beat.</summary>
    public double Sensitivity => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);

    /// <summary>Positive predictivity +P = TP / (TP + FP); 1 when nothing was detected.</summary>
    public double PositivePredictivity => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);

    /// <summary>The counts of two scores added (gross statistics over records).</summary>
    public static RPeakScore operator +(RPeakScore a, RPeakScore b) =>
        new(a.TruePositives + b.TruePositives, a.FalseNegatives + b.FalseNegatives, a.FalsePositives + b.FalsePositives);

    /// <summary>
    /// Matches <paramref name="detected"/> to <paramref name="reference"/> in one linear pass over both (each sorted
    /// ascending): each reference beat takes the nearest detection within the tolerance not already taken.
    /// </summary>
    /// <param name="reference">Reference beat sample indices, ascending.</param>
    /// <param name="detected">Detected beat sample indices, ascending.</param>
    /// <param name="tolerance">Largest distance, in samples, at which a detection still matches (EC57: 150 ms).</param>
    /// <param name="isExcluded">Says whether a sample lies in a stretch not scored (e.g. ventricular flutter, where
    /// references mark no beats); detections there are not counted as false positives. Null scores everything.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="tolerance"/> is negative.</exception>
    public static RPeakScore Match(IReadOnlyList<long> reference, IReadOnlyList<long> detected, long tolerance, Func<long, bool>? isExcluded = null)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(detected);
        ArgumentOutOfRangeException.ThrowIfNegative(tolerance);
        var matched = new bool[detected.Count];
        int truePositives = 0, next = 0;
        foreach (long beat in reference)
        {
            while (next < detected.Count && detected[next] < beat - tolerance) next++;
            int best = -1;
            for (int d = next; d < detected.Count && detected[d] <= beat + tolerance; d++)
                if (!matched[d] && (best < 0 || Math.Abs(detected[d] - beat) < Math.Abs(detected[best] - beat))) best = d;
            if (best < 0) continue;
            matched[best] = true;
            truePositives++;
        }
        int falsePositives = 0;
        for (int d = 0; d < detected.Count; d++)
            if (!matched[d] && !(isExcluded?.Invoke(detected[d]) ?? false)) falsePositives++;
        return new RPeakScore(truePositives, reference.Count - truePositives, falsePositives);
    }
}
