namespace Erts.MLNet.Data.Datasets;

/// <summary>
/// Splits items into train / validation / test so that each class keeps the same proportions in every part,
/// reproducibly for a given seed.
/// </summary>
/// <remarks>
/// Per class (classes in ordinal order of their names, items in input order), the items are shuffled with
/// <see cref="Random"/>(seed) (Fisher-Yates), then the first round(n × train) go to training, the next
/// round(n × validation) to validation and the rest to test. The result depends only on the labels, their
/// order and the seed.
/// </remarks>
public static class StratifiedSplit
{
    /// <summary>Assigns a split to each item.</summary>
    /// <param name="labels">Class label of each item, in a fixed order.</param>
    /// <param name="fractions">Shares of the three parts.</param>
    /// <param name="seed">Random seed, e.g. 42.</param>
    /// <returns>The split of each item, index for index.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Invalid <paramref name="fractions"/>.</exception>
    public static DatasetSplit[] Assign(IReadOnlyList<string> labels, SplitFractions fractions, int seed)
    {
        ArgumentNullException.ThrowIfNull(labels);
        fractions.Validate(nameof(fractions));
        var result = new DatasetSplit[labels.Count];
        var random = new Random(seed);
        var byClass = Enumerable.Range(0, labels.Count).GroupBy(i => labels[i], StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var group in byClass)
        {
            int[] members = group.ToArray();
            random.Shuffle(members);
            int train = (int)Math.Round(members.Length * fractions.Train, MidpointRounding.AwayFromZero);
            int validation = Math.Min(members.Length - train,
                (int)Math.Round(members.Length * fractions.Validation, MidpointRounding.AwayFromZero));
            for (int k = 0; k < members.Length; k++)
                result[members[k]] = k < train ? DatasetSplit.Train : k < train + validation ? DatasetSplit.Validation : DatasetSplit.Test;
        }
        return result;
    }
}
