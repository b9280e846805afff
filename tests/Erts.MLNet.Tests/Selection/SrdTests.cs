using Erts.MLNet.Selection;

namespace Erts.MLNet.Tests.Selection;

public class SrdTests
{
    [Theory]
    [InlineData(0, 8, 8)]    // 0.99^0 x 8 = 8
    [InlineData(10, 8, 7)]   // 0.99^10 x 8 = 7.23
    [InlineData(100, 8, 2)]  // 0.99^100 x 8 = 2.93
    [InlineData(500, 8, 0)]  // 0.99^500 x 8 = 0.05: the batch is skipped
    public void Select_KeepsFloorOfDecayedBatchSize(int epoch, int rows, int expected)
    {
        var kept = new Srd().Select(TestBatches.WithoutConfidence(rows, epoch));
        Assert.Equal(expected, kept.Count);
        Assert.Equal(kept.Distinct().Order(), kept);
    }

    [Fact]
    public void Select_UsesTheGivenRetention()
    {
        Assert.Equal(2, new Srd(retentionPerEpoch: 0.5).Select(TestBatches.WithoutConfidence(8, epoch: 2)).Count);
    }

    [Fact]
    public void UsesConfidence_IsFalse_SoTheLoopSkipsTheConfidencePass()
    {
        Assert.False(new Srd().UsesConfidence);
    }
}
