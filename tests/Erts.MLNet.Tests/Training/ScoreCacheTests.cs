using Erts.MLNet.Training;

namespace Erts.MLNet.Tests.Training;

public class ScoreCacheTests
{
    [Fact]
    public void TryGetFresh_ReturnsTheScore_UpToMaxAgeEpochs()
    {
        var cache = new ScoreCache(samples: 3, maxAgeEpochs: 2);
        cache.Store(sample: 1, epoch: 4, confidence: 0.25f, predicted: 2, focus: 0.5f);

        Assert.True(cache.TryGetFresh(1, epoch: 6, out var score));
        Assert.Equal(new CachedScore(0.25f, 2, 0.5f, 4), score);
        Assert.True(score.HasFocus);
        Assert.False(cache.TryGetFresh(1, epoch: 7, out _));
    }

    [Fact]
    public void TryGetFresh_ReturnsFalse_WhenNeverScored()
    {
        var cache = new ScoreCache(samples: 3, maxAgeEpochs: 5);
        Assert.False(cache.TryGetFresh(0, epoch: 0, out _));
    }

    [Fact]
    public void Store_ClearsTheFocus_WhenTheNewForwardGivesNone()
    {
        var cache = new ScoreCache(samples: 1, maxAgeEpochs: 1);
        cache.Store(0, epoch: 1, confidence: 0.1f, predicted: 0, focus: 0.9f);
        cache.Store(0, epoch: 2, confidence: 0.2f, predicted: 1);

        Assert.True(cache.TryGetFresh(0, epoch: 2, out var score));
        Assert.False(score.HasFocus);
    }

    [Fact]
    public void StoreFocus_CompletesOnlyAnEntryOfTheSameEpoch()
    {
        var cache = new ScoreCache(samples: 1, maxAgeEpochs: 3);
        cache.Store(0, epoch: 1, confidence: 0.1f, predicted: 0);
        cache.StoreFocus(0, epoch: 2, focus: 0.7f);
        Assert.True(cache.TryGetFresh(0, epoch: 2, out var stale));
        Assert.False(stale.HasFocus);

        cache.StoreFocus(0, epoch: 1, focus: 0.7f);
        Assert.True(cache.TryGetFresh(0, epoch: 2, out var completed));
        Assert.Equal(0.7f, completed.Focus);
    }

    [Fact]
    public void Constructor_Throws_WhenMaxAgeIsBelowOne()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ScoreCache(samples: 1, maxAgeEpochs: 0));
    }
}
