using Erts.MLNet.Training;

namespace Erts.MLNet.Tests.Training;

public class ClassificationMetricsTests
{
    [Fact]
    public void Compute_GivesMacroF1AndAccuracy_LikeScikitLearn()
    {
        // Class 0: tp 2, fn 1, fp 1 -> F1 2/3; class 1: tp 1, fn 0, fp 1 -> 2/3; class 2: tp 0, fn 1 -> 0.
        // Class 3 occurs in neither labels nor predictions and is left out of the mean.
        int[] labels = [0, 0, 0, 1, 2];
        int[] predictions = [0, 0, 1, 1, 0];
        var (macroF1, accuracy) = ClassificationMetrics.Compute(labels, predictions, classes: 4);
        Assert.Equal((2.0 / 3 + 2.0 / 3 + 0) / 3, macroF1, 12);
        Assert.Equal(0.6, accuracy, 12);
    }
}
