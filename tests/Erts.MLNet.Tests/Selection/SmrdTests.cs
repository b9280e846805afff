using Erts.MLNet.Selection;

namespace Erts.MLNet.Tests.Selection;

public class SmrdTests
{
    private static readonly float[] Confidence = [0.1f, 0.2f, 0.9f, 0.9f, 0.9f, 0.9f];
    private static readonly int[] Labels = [0, 1, 0, 1, 0, 1];

    [Fact]
    public void Select_KeepsAsManyRowsAsCandidates_DistinctAndAscending()
    {
        var kept = new Smrd(0.3f).Select(TestBatches.Make(Confidence, Labels, seed: 5));
        Assert.Equal(2, kept.Count);
        Assert.Equal(kept.Distinct().Order(), kept);
        Assert.All(kept, row => Assert.InRange(row, 0, 5));
    }

    [Fact]
    public void Select_DrawsFromTheWholeBatch_NotOnlyCandidates()
    {
        var chosen = Enumerable.Range(0, 200)
            .SelectMany(seed => new Smrd(0.3f).Select(TestBatches.Make(Confidence, Labels, seed: seed)))
            .ToHashSet();
        Assert.Equal(Enumerable.Range(0, 6), chosen.Order());
    }

    [Fact]
    public void Select_IsReproducible_ForTheSameSeed()
    {
        var first = new Smrd(0.3f).Select(TestBatches.Make(Confidence, Labels, seed: 9));
        var second = new Smrd(0.3f).Select(TestBatches.Make(Confidence, Labels, seed: 9));
        Assert.Equal(first, second);
    }

    [Fact]
    public void Select_IsEmpty_WhenNoCandidate()
    {
        Assert.Empty(new Smrd(0.3f).Select(TestBatches.Make([0.9f, 0.8f, 0.7f, 0.6f], [0, 1, 0, 1])));
    }

    [Fact]
    public void Select_CountsMisclassifiedRows_WhenThresholdIsZero()
    {
        var batch = TestBatches.Make([0.6f, 0.45f, 0.05f, 0.9f], [0, 1, 1, 2], predicted: [1, 0, 1, 2]);
        Assert.Equal(2, new Smrd(0f).Select(batch).Count);
    }
}
