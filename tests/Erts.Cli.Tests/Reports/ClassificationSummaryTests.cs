using Erts.Cli.Reports;
using Erts.MLNet.Training;

namespace Erts.Cli.Tests.Reports;

public class ClassificationSummaryTests
{
    [Fact]
    public void FromConfusionMatrix_ComputesF1AccuracyAndSupport()
    {
        // class a: TP 8, FN 2, FP 1 -> F1 16/19; class b: TP 9, FN 1, FP 2 -> F1 18/21
        var summary = ClassificationSummary.FromConfusionMatrix(["a", "b"], new[,] { { 8, 2 }, { 1, 9 } });

        Assert.Equal([10, 10], summary.Support);
        Assert.Equal(16.0 / 19, summary.PerClassF1[0], 12);
        Assert.Equal(18.0 / 21, summary.PerClassF1[1], 12);
        Assert.Equal((16.0 / 19 + 18.0 / 21) / 2, summary.MacroF1, 12);
        Assert.Equal(17.0 / 20, summary.Accuracy, 12);
    }

    [Fact]
    public void FromPredictions_LeavesOutOfMacroF1_AClassNeverSeenNorPredicted_AsTheTrainerDoes()
    {
        // The CLI scored such a class 0 (macro-F1 2/3 for a perfect model) while the trainer left it out (1):
        // both now use ClassificationMetrics.
        var summary = ClassificationSummary.FromPredictions(["a", "b", "c"], [0, 1, 1], [0, 1, 1]);

        Assert.Equal(new[] { 1.0, 1.0, double.NaN }, summary.PerClassF1);
        Assert.Equal(1.0, summary.MacroF1, 12);
        Assert.Equal(ClassificationMetrics.FromPredictions([0, 1, 1], [0, 1, 1], 3).MacroF1, summary.MacroF1);
    }

    [Fact]
    public void FromConfusionMatrix_Throws_WhenTheMatrixDoesNotMatchTheClasses()
    {
        var error = Assert.Throws<ArgumentException>(() => ClassificationSummary.FromConfusionMatrix(["a", "b", "c"], new int[2, 2]));

        Assert.Contains("3 classes need 3 x 3", error.Message);
    }
}
