namespace Erts.MLNet.Data.Datasets;

/// <summary>
/// The RR-interval context of every beat of a record, from the beats' R-peak positions: what tells a premature
/// supraventricular beat (normal shape, early) from a normal one.
/// </summary>
/// <remarks>
/// <para>For beat i of a record with n beats at samples R₀ &lt; R₁ &lt; … at rate fs, RRⱼ = (Rⱼ − Rⱼ₋₁) / fs seconds:</para>
/// <list type="bullet">
/// <item>previous = RRᵢ and next = RRᵢ₊₁; the first beat has no previous interval and the last no next one, so each
/// takes the nearest available interval (the first beat's previous is RR₁, the last beat's next is RRₙ₋₁);</item>
/// <item>local = the mean of the last <see cref="LocalIntervals"/> intervals up to and including the previous one
/// (fewer near the start of a record; the first beat uses RR₁);</item>
/// <item>record = the mean of all intervals of the record, (Rₙ₋₁ − R₀) / (n − 1) / fs.</item>
/// </list>
/// <para>Normalisation is per record, by division: previous, next and local are divided by the record mean, which
/// removes each patient's heart rate as inter-patient studies do (the normalised previous RR is the ratio
/// previous / record). The record mean itself is kept in seconds, the one absolute value. The slots, in order, are
/// <see cref="SlotNames"/>.</para>
/// <para>A record with one beat has no interval: all its values are NaN. The local and record means look at every
/// beat of the record, later ones included, as the literature's per-record normalisation does; they are not causal.</para>
/// </remarks>
public static class BeatRhythm
{
    /// <summary>
    /// Intervals averaged into the local mean: 10, about the span of the local averages of de Chazal et al. (2004)
    /// and Mondéjar-Guerra et al. (2019). The window ends at the beat, so the local mean is causal.
    /// </summary>
    public const int LocalIntervals = 10;

    /// <summary>
    /// The slot names, in vector order: <c>PreviousRR/RecordRR</c>, <c>NextRR/RecordRR</c>, <c>LocalRR/RecordRR</c>,
    /// <c>RecordRRSeconds</c>, <c>PreviousRR/LocalRR</c>, <c>NextRR/LocalRR</c>, <c>PreviousRR/NextRR</c>.
    /// </summary>
    public static IReadOnlyList<string> SlotNames { get; } =
    [
        "PreviousRR/RecordRR", "NextRR/RecordRR", "LocalRR/RecordRR", "RecordRRSeconds",
        "PreviousRR/LocalRR", "NextRR/LocalRR", "PreviousRR/NextRR",
    ];

    /// <summary>The rhythm vector of every beat, in the order of <paramref name="beatSamples"/>.</summary>
    /// <param name="beatSamples">Sample index of every beat (R peak) of one record, strictly increasing.</param>
    /// <param name="samplingFrequency">Samples per second (Hz), positive.</param>
    /// <returns>One vector of <see cref="SlotNames"/>.Count values per beat.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="samplingFrequency"/> is not positive.</exception>
    /// <exception cref="ArgumentException">The samples are not strictly increasing.</exception>
    public static float[][] Compute(IReadOnlyList<long> beatSamples, double samplingFrequency)
    {
        ArgumentNullException.ThrowIfNull(beatSamples);
        if (!(samplingFrequency > 0)) throw new ArgumentOutOfRangeException(nameof(samplingFrequency), samplingFrequency, "must be positive");
        int n = beatSamples.Count;
        // rr[j] is the interval ending at beat j, in seconds; rr[0] is unused (no beat before the first).
        var rr = new double[n];
        for (int j = 1; j < n; j++)
        {
            long step = beatSamples[j] - beatSamples[j - 1];
            if (step <= 0)
                throw new ArgumentException($"beat samples must be strictly increasing; beat {j} is at {beatSamples[j]}, beat {j - 1} at {beatSamples[j - 1]}", nameof(beatSamples));
            rr[j] = step / samplingFrequency;
        }
        if (n < 2) return Enumerable.Range(0, n).Select(_ => Enumerable.Repeat(float.NaN, SlotNames.Count).ToArray()).ToArray();

        double record = (beatSamples[n - 1] - beatSamples[0]) / samplingFrequency / (n - 1);
        // Running sum over the local window, so a 30-min record costs one pass.
        var result = new float[n][];
        double windowSum = 0;
        for (int i = 0; i < n; i++)
        {
            int last = Math.Max(i, 1);                        // the previous interval, or the first one for beat 0
            if (i >= 1) windowSum += rr[i];
            if (i > LocalIntervals) windowSum -= rr[i - LocalIntervals];
            int count = Math.Min(last, LocalIntervals);
            double local = i == 0 ? rr[1] : windowSum / count;
            double previous = rr[last];
            double next = rr[Math.Min(i + 1, n - 1)];
            result[i] =
            [
                (float)(previous / record), (float)(next / record), (float)(local / record), (float)record,
                (float)(previous / local), (float)(next / local), (float)(previous / next),
            ];
        }
        return result;
    }
}
