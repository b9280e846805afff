using Erts.MLNet.Selection;

namespace Erts.MLNet.Tests.Selection;

public class FullBatchTests
{
    [Fact]
    public void Select_KeepsEveryRow_WithoutConfidence()
    {
        var policy = new FullBatch();
        Assert.Equal(new[] { 0, 1, 2, 3, 4 }, policy.Select(TestBatches.WithoutConfidence(5, epoch: 7)));
        Assert.False(policy.UsesConfidence);
    }
}
