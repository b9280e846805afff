using Erts.MLNet.Training;

namespace Erts.MLNet.Tests.Training;

public class ClassificationMetricsTests
{
    [Fact]
    public void FromPredictions_GivesMacroF1AndAccuracy_LikeScikitLearn()
    {
        // Class 0: tp 2, fn 1, fp 1 -> F1 2/3; class 1: tp 1, fn 0, fp 1 -> 2/3; class 2: tp 0, fn 1 -> 0.
        // Class 3 occurs in neither labels nor predictions and is left out of the mean.
        // sklearn.metrics.f1_score([0,0,0,1,2], [0,0,1,1,0], average="macro") == 0.4444...
        int[] labels = [0, 0, 0, 1, 2];
        int[] predictions = [0, 0, 1, 1, 0];
        var metrics = ClassificationMetrics.FromPredictions(labels, predictions, classes: 4);
        Assert.Equal((2.0 / 3 + 2.0 / 3 + 0) / 3, metrics.MacroF1, 12);
        Assert.Equal(0.6, metrics.Accuracy, 12);
        Assert.Equal(5, metrics.Count);
        Assert.Equal([3, 1, 1, 0], metrics.Support);
        Assert.True(double.IsNaN(metrics.PerClassF1[3]));
    }

    [Fact]
    public void MacroF1_IsOne_ForAPerfectClassifier_OnASetWithoutOneClass()
    {
        var metrics = ClassificationMetrics.FromPredictions([0, 1, 1, 0], [0, 1, 1, 0], classes: 3);
        Assert.Equal(1.0, metrics.MacroF1);
        Assert.Equal(new[] { 1.0, 1.0, double.NaN }, metrics.PerClassF1);
    }

    [Fact]
    public void MacroF1_ScoresZero_AClassPredictedButAbsentFromTheLabels()
    {
        // Class 2 has no example but one prediction: F1 0, and it counts in the mean.
        var metrics = ClassificationMetrics.FromPredictions([0, 1, 1, 0], [0, 1, 2, 0], classes: 3);
        Assert.Equal(0.0, metrics.PerClassF1[2]);
        Assert.Equal((1.0 + 2.0 / 3 + 0) / 3, metrics.MacroF1, 12);
    }

    [Fact]
    public void FromConfusionMatrix_AgreesWithFromPredictions()
    {
        int[] labels = [0, 0, 0, 1, 2, 2, 1];
        int[] predictions = [0, 2, 1, 1, 0, 2, 1];
        var fromPredictions = ClassificationMetrics.FromPredictions(labels, predictions, classes: 3);
        var counts = new int[3, 3];
        for (int i = 0; i < labels.Length; i++) counts[labels[i], predictions[i]]++;
        var fromMatrix = ClassificationMetrics.FromConfusionMatrix(counts);

        Assert.Equal(fromPredictions.MacroF1, fromMatrix.MacroF1);
        Assert.Equal(fromPredictions.PerClassF1, fromMatrix.PerClassF1);
        Assert.Equal(fromPredictions.Accuracy, fromMatrix.Accuracy);
    }

    [Fact]
    public void Metrics_AreNaN_WhenNoRowIsCounted()
    {
        var metrics = ClassificationMetrics.FromPredictions([], [], classes: 2);
        Assert.True(double.IsNaN(metrics.MacroF1));
        Assert.True(double.IsNaN(metrics.Accuracy));
    }

    [Fact]
    public void FromPredictions_Throws_OnAClassOutsideTheKey()
    {
        Assert.Throws<ArgumentException>(() => ClassificationMetrics.FromPredictions([0, 1], [0, -1], classes: 2));
        Assert.Throws<ArgumentException>(() => ClassificationMetrics.FromConfusionMatrix(new int[2, 3]));
    }
}
