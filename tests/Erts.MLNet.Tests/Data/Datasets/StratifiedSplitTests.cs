using Erts.MLNet.Data.Datasets;

namespace Erts.MLNet.Tests.Data.Datasets;

public class StratifiedSplitTests
{
    private static readonly string[] Labels =
        [.. Enumerable.Repeat("N", 50), .. Enumerable.Repeat("A", 20), .. Enumerable.Repeat("O", 10)];

    [Fact]
    public void Assign_KeepsClassProportions_InEveryPart()
    {
        DatasetSplit[] splits = StratifiedSplit.Assign(Labels, SplitFractions.Default, seed: 42);

        int Count(string label, DatasetSplit split) => Labels.Where((l, i) => l == label && splits[i] == split).Count();
        Assert.Equal((40, 5, 5), (Count("N", DatasetSplit.Train), Count("N", DatasetSplit.Validation), Count("N", DatasetSplit.Test)));
        Assert.Equal((16, 2, 2), (Count("A", DatasetSplit.Train), Count("A", DatasetSplit.Validation), Count("A", DatasetSplit.Test)));
        Assert.Equal((8, 1, 1), (Count("O", DatasetSplit.Train), Count("O", DatasetSplit.Validation), Count("O", DatasetSplit.Test)));
    }

    [Fact]
    public void Assign_IsReproducible_ForTheSameSeedOnly()
    {
        var first = StratifiedSplit.Assign(Labels, SplitFractions.Default, seed: 42);
        var again = StratifiedSplit.Assign(Labels, SplitFractions.Default, seed: 42);
        var other = StratifiedSplit.Assign(Labels, SplitFractions.Default, seed: 7);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Assign_Throws_WhenFractionsDoNotSumToOne()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => StratifiedSplit.Assign(Labels, new SplitFractions(0.8, 0.1, 0.2), 1));
        Assert.Contains("sum to 1", error.Message);
    }
}
