namespace Erts.MLNet.Data.Datasets;

/// <summary>How a beat database is divided into training and test beats.</summary>
public abstract class BeatSplit
{
    private protected BeatSplit()
    {
    }

    /// <summary>
    /// De Chazal et al. 2004 inter-patient protocol for MIT-BIH Arrhythmia: DS1 trains, DS2 tests, the paced
    /// records 102, 104, 107 and 217 are in neither. Note 201 (DS1) and 202 (DS2) are the same subject: the
    /// protocol as published keeps them apart; filter on <see cref="EcgExample.PatientId"/> to avoid it.
    /// </summary>
    public static BeatSplit DeChazal2004 { get; } = ByRecord(
        train: ["101", "106", "108", "109", "112", "114", "115", "116", "118", "119", "122", "124",
                "201", "203", "205", "207", "208", "209", "215", "220", "223", "230"],
        test: ["100", "103", "105", "111", "113", "117", "121", "123", "200", "202", "210",
               "212", "213", "214", "219", "221", "222", "228", "231", "232", "233", "234"]);

    /// <summary>An inter-patient split given by record lists; records in neither list are excluded from both.</summary>
    /// <param name="train">Records whose beats train.</param>
    /// <param name="test">Records whose beats test.</param>
    /// <exception cref="ArgumentException">A record is in both lists.</exception>
    public static BeatSplit ByRecord(IEnumerable<string> train, IEnumerable<string> test) => new RecordSplit(train, test);

    /// <summary>
    /// Intra-patient split: every record contributes to both parts; within a record the beats are divided per
    /// class by <see cref="StratifiedSplit"/> (no validation part). Optimistic: neighbouring beats of one patient
    /// end up on both sides.
    /// </summary>
    /// <param name="testFraction">Share of each record's beats held out for test, in (0, 1). Default 0.2.</param>
    /// <param name="seed">Random seed. Default 42.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="testFraction"/> outside (0, 1).</exception>
    public static BeatSplit IntraPatient(double testFraction = 0.2, int seed = 42) => new BeatLevelSplit(testFraction, seed);

    /// <summary>The split of each beat of one record, or null when the whole record is excluded.</summary>
    /// <param name="record">Record name.</param>
    /// <param name="beatLabels">Labels of the record's beats, in time order.</param>
    internal abstract DatasetSplit[]? Assign(string record, IReadOnlyList<string> beatLabels);

    private sealed class RecordSplit : BeatSplit
    {
        private readonly HashSet<string> train, test;

        public RecordSplit(IEnumerable<string> train, IEnumerable<string> test)
        {
            this.train = train.ToHashSet(StringComparer.Ordinal);
            this.test = test.ToHashSet(StringComparer.Ordinal);
            string? both = this.train.FirstOrDefault(this.test.Contains);
            if (both != null) throw new ArgumentException($"record '{both}' is in both the train and the test list", nameof(test));
        }

        internal override DatasetSplit[]? Assign(string record, IReadOnlyList<string> beatLabels)
        {
            DatasetSplit split = train.Contains(record) ? DatasetSplit.Train : test.Contains(record) ? DatasetSplit.Test : DatasetSplit.All;
            return split == DatasetSplit.All ? null : Enumerable.Repeat(split, beatLabels.Count).ToArray();
        }
    }

    private sealed class BeatLevelSplit : BeatSplit
    {
        private readonly SplitFractions fractions;
        private readonly int seed;

        public BeatLevelSplit(double testFraction, int seed)
        {
            if (!(testFraction > 0 && testFraction < 1))
                throw new ArgumentOutOfRangeException(nameof(testFraction), testFraction, "must be in (0, 1)");
            fractions = new SplitFractions(1 - testFraction, 0, testFraction);
            this.seed = seed;
        }

        internal override DatasetSplit[]? Assign(string record, IReadOnlyList<string> beatLabels) =>
            StratifiedSplit.Assign(beatLabels, fractions, seed);
    }
}
