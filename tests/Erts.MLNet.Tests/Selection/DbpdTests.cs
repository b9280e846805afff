using Erts.MLNet.Selection;

namespace Erts.MLNet.Tests.Selection;

public class DbpdTests
{
    [Fact]
    public void Select_RescuesFirstRowOfClassWithNoCandidate()
    {
        var batch = TestBatches.Make(confidence: [0.9f, 0.2f, 0.1f, 0.95f], labels: [0, 1, 1, 0]);
        var kept = new Dbpd(confidenceThreshold: 0.3f).Select(batch);
        Assert.Equal(new[] { 0, 1, 2 }, kept); // 1, 2 below τ; 0 rescues class 0
    }

    [Fact]
    public void Select_RescuesFirstRowInBatchOrder_NotTheLeastConfident()
    {
        var batch = TestBatches.Make(confidence: [0.8f, 0.5f, 0.1f, 0.9f, 0.4f], labels: [1, 0, 0, 1, 1]);
        var kept = new Dbpd(0.3f).Select(batch);
        Assert.Equal(new[] { 0, 2 }, kept); // 2 below τ; class 1's first row is 0, although row 4 is less confident
    }

    [Fact]
    public void Select_KeepsEveryClassOfTheBatch_OneRescuePerMissingClass()
    {
        // Classes 1 and 2 have no candidate: each gets exactly its first row, class 0 none (it has candidates).
        var batch = TestBatches.Make(confidence: [0.9f, 0.1f, 0.9f, 0.8f, 0.2f, 0.7f], labels: [0, 0, 2, 1, 0, 2]);
        var kept = new Dbpd(0.3f).Select(batch);
        Assert.Equal(new[] { 1, 2, 3, 4 }, kept);
    }

    [Fact]
    public void Select_IsEmpty_WhenNoRowIsBelowThreshold()
    {
        var batch = TestBatches.Make(confidence: [0.9f, 0.3f, 0.5f, 0.95f], labels: [0, 1, 1, 0]);
        Assert.Empty(new Dbpd(0.3f).Select(batch)); // 0.3 is not below τ = 0.3; no rescue of an empty batch
    }

    [Fact]
    public void Select_KeepsMisclassifiedRows_WhenThresholdIsZero()
    {
        var batch = TestBatches.Make(confidence: [0.6f, 0.45f, 0.05f, 0.9f], labels: [0, 1, 1, 2], predicted: [0, 0, 1, 2]);
        var kept = new Dbpd(0f).Select(batch);
        Assert.Equal(new[] { 0, 1, 3 }, kept); // row 1 misclassified; 0 and 3 rescue classes 0 and 2
    }

    [Fact]
    public void Select_KeepsCandidatesOnly_WhenRescueIsOff()
    {
        var batch = TestBatches.Make(confidence: [0.9f, 0.2f, 0.1f, 0.95f], labels: [0, 1, 1, 0]);
        Assert.Equal(new[] { 1, 2 }, new Dbpd(0.3f, rescueMissingClasses: false).Select(batch));
    }

    [Theory]
    [InlineData(-0.1f)]
    [InlineData(1.5f)]
    [InlineData(float.NaN)]
    public void Constructor_Throws_WhenThresholdOutOfRange(float threshold)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new Dbpd(threshold));
        Assert.Equal("confidenceThreshold", error.ParamName);
    }
}
