using Erts.MLNet.Features;

namespace Erts.MLNet.Tests.Features;

public class RPeakScoreTests
{
    [Fact]
    public void Match_CountsNearestDetectionOnce_WithinTolerance()
    {
        // 100 matched by 103 (nearer than 95); 200 unmatched (250 too far); 300 matched by 299; 95 and 250 false.
        var score = RPeakScore.Match(reference: [100, 200, 300], detected: [95, 103, 250, 299], tolerance: 10);
        Assert.Equal(new RPeakScore(TruePositives: 2, FalseNegatives: 1, FalsePositives: 2), score);
        Assert.Equal(2.0 / 3, score.Sensitivity, 12);
        Assert.Equal(0.5, score.PositivePredictivity, 12);
    }

    [Fact]
    public void Match_DoesNotCountExcludedDetectionsAsFalse()
    {
        var score = RPeakScore.Match(reference: [100], detected: [100, 500, 900], tolerance: 10, isExcluded: s => s is >= 400 and < 600);
        Assert.Equal(new RPeakScore(1, 0, 1), score);
    }

    [Fact]
    public void Addition_SumsCounts() =>
        Assert.Equal(new RPeakScore(5, 1, 2), new RPeakScore(3, 1, 0) + new RPeakScore(2, 0, 2));
}
