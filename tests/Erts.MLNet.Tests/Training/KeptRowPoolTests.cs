using Erts.MLNet.Training;

namespace Erts.MLNet.Tests.Training;

public class KeptRowPoolTests
{
    [Fact]
    public void Add_ReturnsFullBatchesInKeptOrder_WhenCompacting()
    {
        var pool = new KeptRowPool(batchSize: 4, compact: true);

        Assert.Empty(pool.Add([10, 11, 12]));
        Assert.Equal([[10, 11, 12, 13]], pool.Add([13, 14]));
        Assert.Empty(pool.Add([]));
        Assert.Equal([[14, 15, 16, 17], [18, 19, 20, 21]], pool.Add([15, 16, 17, 18, 19, 20, 21, 22]));
        Assert.Equal(1, pool.Pending);
        Assert.Equal([22], pool.Flush()!);
        Assert.Equal(0, pool.Pending);
    }

    [Fact]
    public void Add_PassesEachNonEmptyKeptSetThrough_WhenNotCompacting()
    {
        var pool = new KeptRowPool(batchSize: 4, compact: false);

        Assert.Equal([[3, 5]], pool.Add([3, 5]));
        Assert.Empty(pool.Add([]));
        Assert.Equal([[1, 2, 3, 4]], pool.Add([1, 2, 3, 4]));
        Assert.Null(pool.Flush());
    }

    [Fact]
    public void Flush_ReturnsNull_WhenNothingIsPending()
    {
        var pool = new KeptRowPool(batchSize: 2, compact: true);
        Assert.Equal([[1, 2]], pool.Add([1, 2]));
        Assert.Null(pool.Flush());
    }
}
