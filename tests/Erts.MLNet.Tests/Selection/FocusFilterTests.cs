using Erts.MLNet.Selection;

namespace Erts.MLNet.Tests.Selection;

public class FocusFilterTests
{
    // Rows 0-5 are below τ = 0.3 (the candidates H); rows 6-7 are learned.
    private static readonly float[] Confidence = [0.1f, 0.2f, 0.25f, 0.0f, 0.15f, 0.05f, 0.9f, 0.8f];
    // Reliability (1 - conf) x focus of the candidates: 0.18, 0.72, 0.60, 0.10, 0.51, 0.475.
    private static readonly float[] Focus = [0.2f, 0.9f, 0.8f, 0.1f, 0.6f, 0.5f, 0.99f, 0.99f];

    private static FocusFilter OverDbpd(float keepFraction = 0.5f, int startEpoch = 8) =>
        new(new Dbpd(0.3f, rescueMissingClasses: false), keepFraction, startEpoch);

    [Fact]
    public void Select_KeepsTopKByReliability_NotByConfidenceOrFocusAlone()
    {
        var focus = new TableFocus(Focus);
        var batch = TestBatches.Make(Confidence, labels: [0, 0, 0, 0, 0, 0, 0, 0], epoch: 8, focus: focus);
        var kept = OverDbpd().Select(batch);
        Assert.Equal(new[] { 1, 2, 4 }, kept);                           // k = floor(0.5 x 6) = 3
        Assert.Equal(new[] { 0, 1, 2, 3, 4, 5 }, Assert.Single(focus.Requests)); // focus of candidates only
    }

    [Fact]
    public void Select_RescuesHighestReliabilityCandidateOfAClassLeftOut()
    {
        // Class 1 (rows 0, 3, 5) has candidates but none in the top 3: its best, row 5 (0.475), is added.
        // Class 2 (row 6) has no candidate: nothing to rescue.
        var batch = TestBatches.Make(Confidence, labels: [1, 0, 0, 1, 0, 1, 2, 0], epoch: 8, focus: new TableFocus(Focus));
        Assert.Equal(new[] { 1, 2, 4, 5 }, OverDbpd().Select(batch));
    }

    [Fact]
    public void Select_KeepsCandidatesWithoutAskingFocus_BeforeStartEpoch()
    {
        var focus = new TableFocus(Focus);
        var batch = TestBatches.Make(Confidence, labels: [0, 0, 0, 0, 0, 0, 1, 1], epoch: 7, focus: focus);
        Assert.Equal(new[] { 0, 1, 2, 3, 4, 5 }, OverDbpd(startEpoch: 8).Select(batch));
        Assert.Empty(focus.Requests);
    }

    [Fact]
    public void Select_KeepsASingleCandidateWithoutAskingFocus()
    {
        var focus = new TableFocus(0f, 0f, 0f);
        var batch = TestBatches.Make([0.9f, 0.1f, 0.9f], labels: [0, 1, 1], epoch: 20, focus: focus);
        Assert.Equal(new[] { 1 }, OverDbpd().Select(batch));
        Assert.Empty(focus.Requests);
    }

    [Fact]
    public void Select_IsEmpty_WhenThereAreNoCandidates()
    {
        var batch = TestBatches.Make([0.9f, 0.8f], labels: [0, 1], epoch: 20);
        Assert.Empty(OverDbpd().Select(batch));
    }

    [Fact]
    public void Select_KeepsAtLeastOne_WhenKeepFractionRoundsToZero()
    {
        var batch = TestBatches.Make([0.1f, 0.2f, 0.9f], labels: [0, 0, 1], epoch: 20, focus: new TableFocus(0.5f, 1f, 0f));
        Assert.Equal(new[] { 1 }, OverDbpd(keepFraction: 0.1f).Select(batch)); // max(1, floor(0.2)) = 1
    }

    [Fact]
    public void Select_FloorsKeepFractionExactly_ForValuesLikeSevenTenths()
    {
        var confidence = Enumerable.Repeat(0.1f, 10).ToArray();
        var focus = new TableFocus(Enumerable.Range(0, 10).Select(i => i / 10f).ToArray());
        var batch = TestBatches.Make(confidence, labels: new int[10], epoch: 20, focus: focus);
        Assert.Equal(new[] { 3, 4, 5, 6, 7, 8, 9 }, OverDbpd(keepFraction: 0.7f).Select(batch)); // 7, not 6
    }

    [Fact]
    public void Select_FiltersRandomCandidates_ForTheSrdVariant()
    {
        var focus = new TableFocus(0.9f, 0.1f, 0.8f, 0.2f);
        var batch = TestBatches.Make([0.5f, 0.5f, 0.5f, 0.5f], labels: [0, 0, 0, 0], epoch: 0, focus: focus);
        var kept = new FocusFilter(new Srd(), keepFraction: 0.5f, startEpoch: 0).Select(batch); // SRD keeps all 4 at epoch 0
        Assert.Equal(new[] { 0, 2 }, kept);
    }

    [Fact]
    public void Select_RanksByFocusAlone_WhenAsked()
    {
        // Row 0 looks like a flipped label (p(true) = 0, half-focused): the paper's ranking keeps it (0.5 > 0.71 x 0.6);
        // ranking by focus keeps row 1, whose evidence is more concentrated.
        var batch = TestBatches.Make([0.0f, 0.29f], labels: [0, 0], epoch: 8, focus: new TableFocus(0.5f, 0.6f));
        Assert.Equal(new[] { 0 }, OverDbpd().Select(batch));
        Assert.Equal(new[] { 1 }, new FocusFilter(new Dbpd(0.3f, rescueMissingClasses: false), 0.5f, 8, ReliabilityRanking.Focus).Select(batch));
    }

    [Fact]
    public void Name_PrefixesTheCandidateRule()
    {
        Assert.Equal("erts-dbpd", OverDbpd().Name);
        Assert.Equal("erts-srd", new FocusFilter(new Srd(), 0.7f, 8).Name);
    }

    [Theory]
    [InlineData(0f)]
    [InlineData(1.01f)]
    public void Constructor_Throws_WhenKeepFractionOutOfRange(float keepFraction)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new FocusFilter(new FullBatch(), keepFraction, 0));
        Assert.Equal("keepFraction", error.ParamName);
    }
}
