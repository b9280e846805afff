using Erts.Experiments.Grid;
using Erts.MLNet.Training;

namespace Erts.MLNet.Tests.Experiments;

public class FlipAnalysisTests
{
    [Fact]
    public void Auc_IsOne_WhenSeparated_AndOneHalf_ForTies()
    {
        Assert.Equal(1.0, FlipAnalysis.Auc([0, 0, 2], [3, 0, 0]));
        Assert.Equal(0.0, FlipAnalysis.Auc([1, 0], [0, 1]));
        Assert.Equal(0.5, FlipAnalysis.Auc([2], [1]));
        Assert.Equal(0.5, FlipAnalysis.Auc([1, 0, 1], [0, 1, 0]));
        Assert.True(double.IsNaN(FlipAnalysis.Auc([0, 0], [1, 0])));
    }

    [Fact]
    public void From_SeparatesFlippedFromCleanCandidates()
    {
        // Rows 0 and 1 are flipped: confident-wrong (p(true) ~ 0) with diffuse evidence; rows 2 and 3 are clean and focused.
        var tally = new FocusTally(epoch: 5, flaggedRows: [true, true, false, false]);
        tally.Add(0, kept: true, confidence: 0.01f, focus: 0.3f, scoreAgeEpochs: 0);
        tally.Add(1, kept: false, confidence: 0.02f, focus: 0.2f, scoreAgeEpochs: 0);
        tally.Add(2, kept: true, confidence: 0.25f, focus: 0.9f, scoreAgeEpochs: 0);
        tally.Add(3, kept: false, confidence: 0.28f, focus: 0.35f, scoreAgeEpochs: 0);

        var analysis = FlipAnalysis.From(tally.Histograms.ToArray())!;

        Assert.Equal((2L, 2L), (analysis.FlippedCandidates, analysis.CleanCandidates));
        Assert.Equal(1.0, analysis.FocusAuc);         // clean focus 0.9 and 0.35 both exceed flipped 0.3 and 0.2
        Assert.Equal(0.75, analysis.ReliabilityAuc);  // (1 - conf) x focus: clean 0.675, 0.252 vs flipped 0.297, 0.196: 3 of 4 pairs
        Assert.Equal(0.5, analysis.FlippedKeptRate);
        Assert.Equal(0.5, analysis.CleanKeptRate);
    }

    [Fact]
    public void From_CountsCandidatesInOneBinAsTies()
    {
        // 0.503 < 0.507, but both lie in the bin [0.50, 0.51): the histograms cannot order them.
        var tally = new FocusTally(epoch: 0, flaggedRows: [true, false]);
        tally.Add(0, kept: true, confidence: 0.1f, focus: 0.507f, scoreAgeEpochs: 0);
        tally.Add(1, kept: true, confidence: 0.1f, focus: 0.503f, scoreAgeEpochs: 0);

        Assert.Equal(0.5, FlipAnalysis.From(tally.Histograms.ToArray())!.FocusAuc);
    }

    [Fact]
    public void From_IsNull_WithoutFlippedCandidates()
    {
        var tally = new FocusTally(epoch: 5, flaggedRows: [false]);
        tally.Add(0, kept: true, confidence: 0.1f, focus: 0.5f, scoreAgeEpochs: 0);

        Assert.Null(FlipAnalysis.From(tally.Histograms.ToArray()));
    }
}
