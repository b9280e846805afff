using Erts.MLNet.Data;
using Erts.MLNet.Data.Datasets;

namespace Erts.Experiments.Datasets;

/// <summary>Seeded, class-aware subsets of example lists (the grid's way to fit a CPU budget).</summary>
internal static class Subsample
{
    /// <summary>At most <paramref name="cap"/> examples of each class, drawn at random; order otherwise kept.</summary>
    public static List<EcgExample> CapPerClass(IReadOnlyList<EcgExample> examples, int cap, int seed)
    {
        var random = new Random(seed);
        var kept = examples.Select((example, index) => (example, index))
            .GroupBy(pair => pair.example.Label)
            .SelectMany(group => group.OrderBy(_ => random.Next()).Take(cap))
            .Select(pair => pair.index)
            .Order();
        return kept.Select(index => examples[index]).ToList();
    }

    /// <summary>About <paramref name="count"/> examples with the class proportions of the whole (stratified), or all when fewer.</summary>
    public static List<EcgExample> Proportional(IReadOnlyList<EcgExample> examples, int count, int seed)
    {
        if (examples.Count <= count) return examples.ToList();
        double share = (double)count / examples.Count;
        return Split(examples, new SplitFractions(share, 1 - share, 0), seed).Train;
    }

    /// <summary>A stratified, seeded split of a list into train / validation / test lists.</summary>
    public static (List<EcgExample> Train, List<EcgExample> Validation, List<EcgExample> Test) Split(
        IReadOnlyList<EcgExample> examples, SplitFractions fractions, int seed)
    {
        DatasetSplit[] splits = StratifiedSplit.Assign(examples.Select(example => example.Label).ToArray(), fractions, seed);
        List<EcgExample> Of(DatasetSplit split) => examples.Where((_, index) => splits[index] == split).ToList();
        return (Of(DatasetSplit.Train), Of(DatasetSplit.Validation), Of(DatasetSplit.Test));
    }
}
