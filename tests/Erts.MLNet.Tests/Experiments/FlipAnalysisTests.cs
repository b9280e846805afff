using Erts.Experiments.Grid;
using Erts.MLNet.Training;

namespace Erts.MLNet.Tests.Experiments;

public class FlipAnalysisTests
{
    [Fact]
    public void Auc_IsOne_WhenSeparated_AndOneHalf_ForTies()
    {
        Assert.Equal(1.0, FlipAnalysis.Auc([0.9, 0.8], [0.1, 0.2, 0.3]));
        Assert.Equal(0.0, FlipAnalysis.Auc([0.1], [0.9]));
        Assert.Equal(0.5, FlipAnalysis.Auc([0.5, 0.5], [0.5]));
        Assert.Equal(0.5, FlipAnalysis.Auc([0.4, 0.6], [0.5]));
    }

    [Fact]
    public void From_SeparatesFlippedFromCleanCandidates()
    {
        // Rows 0 and 1 are flipped: confident-wrong (p(true) ~ 0) with diffuse evidence; rows 2 and 3 are clean and focused.
        FocusObservation[] observations =
        [
            new(5, 0, 0.01f, 0.3f, Kept: true), new(5, 1, 0.02f, 0.2f, Kept: false),
            new(5, 2, 0.25f, 0.9f, Kept: true), new(5, 3, 0.28f, 0.35f, Kept: false),
        ];

        var analysis = FlipAnalysis.From(observations, [true, true, false, false])!;

        Assert.Equal((2, 2), (analysis.FlippedCandidates, analysis.CleanCandidates));
        Assert.Equal(1.0, analysis.FocusAuc);         // clean focus 0.9 and 0.35 both exceed flipped 0.3 and 0.2
        Assert.Equal(0.75, analysis.ReliabilityAuc);  // (1 - conf) x focus: clean 0.675, 0.252 vs flipped 0.297, 0.196: 3 of 4 pairs
        Assert.Equal(0.5, analysis.FlippedKeptRate);
        Assert.Equal(0.5, analysis.CleanKeptRate);
    }

    [Fact]
    public void From_IsNull_WithoutFlippedCandidates()
    {
        Assert.Null(FlipAnalysis.From([new FocusObservation(5, 0, 0.1f, 0.5f, true)], [false]));
    }
}
