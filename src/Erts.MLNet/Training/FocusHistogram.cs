namespace Erts.MLNet.Training;

/// <summary>
/// The candidates the focus filter scored in one epoch that share a fate (kept or filtered out) and a caller's flag
/// (<see cref="ErtsTrainer.Options.FocusFlaggedRows"/>), as fixed-bin histograms of their confidence, focus and
/// reliability: a record of what the filter saw whose size does not grow with the data.
/// </summary>
/// <remarks>
/// <para>Every histogram has <see cref="Bins"/> bins of width <see cref="BinWidth"/> on [0, 1]; bin b holds the
/// values in [b·w, (b + 1)·w), and the last bin holds 1 too. A value below 0 counts in the first bin, above 1 in the
/// last, and NaN in none.</para>
/// <para>Figures over several epochs or groups are sums of counts. Rank statistics computed from the bins (such as
/// the probability that a clean candidate out-focuses a flagged one) are exact for the scores rounded down to the
/// bin edges: pairs within one bin count as ties.</para>
/// </remarks>
public sealed class FocusHistogram : IEquatable<FocusHistogram>
{
    /// <summary>Bins on [0, 1]: 100.</summary>
    public const int Bins = 100;

    /// <summary>Width of a bin: 0.01.</summary>
    public const double BinWidth = 1.0 / Bins;

    private readonly int[] _confidence = new int[Bins];
    private readonly int[] _focus = new int[Bins];
    private readonly int[] _reliability = new int[Bins];

    internal FocusHistogram(int epoch, bool kept, bool flagged)
    {
        Epoch = epoch;
        Kept = kept;
        Flagged = flagged;
        // Read-only wrappers, so a caller cannot cast a count list back to the array the report holds.
        ConfidenceCounts = Array.AsReadOnly(_confidence);
        FocusCounts = Array.AsReadOnly(_focus);
        ReliabilityCounts = Array.AsReadOnly(_reliability);
    }

    /// <summary>0-based epoch.</summary>
    public int Epoch { get; }

    /// <summary>True for the candidates that got a gradient step, false for those filtered out.</summary>
    public bool Kept { get; }

    /// <summary>True for the candidates of rows flagged in <see cref="ErtsTrainer.Options.FocusFlaggedRows"/>.</summary>
    public bool Flagged { get; }

    /// <summary>Candidates counted.</summary>
    public int Count { get; private set; }

    /// <summary>Sum of their focus scores (NaN scores left out): with the focus counts, the exact mean focus.</summary>
    public double FocusSum { get; private set; }

    /// <summary>
    /// Oldest confidence among them, in epochs since the forward that gave it: 0 unless
    /// <see cref="ErtsTrainer.Options.ScoreReuseEpochs"/> is above 0, and at most that.
    /// </summary>
    public int MaxScoreAgeEpochs { get; private set; }

    /// <summary>Counts per bin of p(true class); candidates of a policy that measures no confidence are not counted.</summary>
    public IReadOnlyList<int> ConfidenceCounts { get; }

    /// <summary>Counts per bin of the focus score.</summary>
    public IReadOnlyList<int> FocusCounts { get; }

    /// <summary>Counts per bin of the paper's reliability (1 − p(true class)) × focus; as <see cref="ConfidenceCounts"/>, only candidates with a confidence.</summary>
    public IReadOnlyList<int> ReliabilityCounts { get; }

    /// <summary>The histogram's place among an epoch's four kinds: kept before filtered out, unflagged before flagged.</summary>
    internal int Group => GroupOf(Kept, Flagged);

    /// <summary>The place of a kind among an epoch's four: kept before filtered out, unflagged before flagged.</summary>
    internal static int GroupOf(bool kept, bool flagged) => (kept ? 0 : 2) + (flagged ? 1 : 0);

    /// <summary>The bin of <paramref name="value"/>, or −1 for NaN.</summary>
    public static int BinOf(double value) => double.IsNaN(value) ? -1 : (int)Math.Clamp(Math.Floor(value * Bins), 0, Bins - 1);

    /// <summary>Counts one candidate.</summary>
    /// <param name="confidence">p(true class), or NaN when the policy measures none.</param>
    /// <param name="focus">Focus score in [0, 1].</param>
    /// <param name="scoreAgeEpochs">Epochs since the forward that gave the confidence.</param>
    internal void Add(float confidence, float focus, int scoreAgeEpochs)
    {
        Count++;
        MaxScoreAgeEpochs = Math.Max(MaxScoreAgeEpochs, scoreAgeEpochs);
        if (BinOf(focus) is var focusBin and >= 0)
        {
            _focus[focusBin]++;
            FocusSum += focus;
        }
        if (BinOf(confidence) is var confidenceBin and >= 0) _confidence[confidenceBin]++;
        if (BinOf((1 - confidence) * focus) is var reliabilityBin and >= 0) _reliability[reliabilityBin]++;
    }

    /// <summary>Writes the histogram: a fixed 1,222 bytes, whatever the number of candidates.</summary>
    internal void Write(BinaryWriter writer)
    {
        writer.Write(Epoch);
        writer.Write(Kept);
        writer.Write(Flagged);
        writer.Write(Count);
        writer.Write(FocusSum);
        writer.Write(MaxScoreAgeEpochs);
        foreach (var counts in (int[][])[_confidence, _focus, _reliability])
            foreach (int count in counts) writer.Write(count);
    }

    /// <summary>Reads what <see cref="Write"/> wrote.</summary>
    /// <exception cref="InvalidDataException">A figure is out of range or the bins do not add up.</exception>
    internal static FocusHistogram Read(BinaryReader reader)
    {
        var histogram = new FocusHistogram(reader.ReadInt32(), reader.ReadBoolean(), reader.ReadBoolean())
        {
            Count = reader.ReadInt32(),
            FocusSum = reader.ReadDouble(),
            MaxScoreAgeEpochs = reader.ReadInt32(),
        };
        if (histogram.Epoch < 0 || histogram.Count < 0 || histogram.MaxScoreAgeEpochs < 0 || !double.IsFinite(histogram.FocusSum))
            throw new InvalidDataException($"a focus histogram has epoch {histogram.Epoch}, {histogram.Count} candidates, score age {histogram.MaxScoreAgeEpochs} and focus sum {histogram.FocusSum}");
        foreach (var counts in (int[][])[histogram._confidence, histogram._focus, histogram._reliability])
        {
            long total = 0;
            for (int bin = 0; bin < Bins; bin++)
            {
                counts[bin] = reader.ReadInt32();
                if (counts[bin] < 0) throw new InvalidDataException($"a focus histogram of epoch {histogram.Epoch} has a negative count");
                total += counts[bin];
            }
            if (total > histogram.Count)
                throw new InvalidDataException($"a focus histogram of epoch {histogram.Epoch} counts {total} values of {histogram.Count} candidates");
        }
        return histogram;
    }

    /// <inheritdoc />
    public bool Equals(FocusHistogram? other) =>
        other is not null && Epoch == other.Epoch && Kept == other.Kept && Flagged == other.Flagged && Count == other.Count
        && FocusSum.Equals(other.FocusSum) && MaxScoreAgeEpochs == other.MaxScoreAgeEpochs
        && _confidence.AsSpan().SequenceEqual(other._confidence) && _focus.AsSpan().SequenceEqual(other._focus)
        && _reliability.AsSpan().SequenceEqual(other._reliability);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as FocusHistogram);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Epoch, Kept, Flagged, Count, FocusSum);

    /// <inheritdoc />
    public override string ToString() =>
        $"epoch {Epoch}, {(Kept ? "kept" : "filtered out")}{(Flagged ? ", flagged" : "")}: {Count} candidates, mean focus {FocusSum / Math.Max(1, _focus.Sum()):F3}";
}
