using Erts.MLNet.Catalog;
using Erts.MLNet.Data;
using Erts.MLNet.Data.Synthetic;
using Erts.MLNet.Features;
using Microsoft.ML;

namespace Erts.MLNet.Tests.Features;

/// <summary>The classic baseline end to end: <c>ExtractFeatures</c> feeding ML.NET FastTree (one-vs-all).</summary>
public class FastTreeOnFeaturesTests
{
    [Fact]
    public void FastTree_LearnsAboveChance_OnSyntheticRhythmFeatures()
    {
        SyntheticEcgClass[] classes = [SyntheticEcgClass.Normal, SyntheticEcgClass.AtrialFibrillation,
            SyntheticEcgClass.PrematureVentricularContraction, SyntheticEcgClass.BundleBranchBlock];
        var records = TestSignals.SyntheticLeadII(examplesPerClass: 30, classes);
        var mlContext = new MLContext(seed: 1);
        // Records cycle through the classes, so the first two thirds are balanced too.
        var train = mlContext.Data.LoadEcg(records.Take(80).Select(r => r.Example).ToList());
        var test = mlContext.Data.LoadEcg(records.Skip(80).Select(r => r.Example).ToList());

        var pipeline = mlContext.Transforms.Ecg.ExtractFeatures(EcgFeatureSet.Rhythm)
            // ML.NET trainers skip rows with a NaN feature: impute the undefined ones (e.g. sample entropy) first.
            .Append(mlContext.Transforms.ReplaceMissingValues("Features"))
            .Append(mlContext.Transforms.Conversion.MapValueToKey("Label"))
            .Append(mlContext.MulticlassClassification.Trainers.OneVersusAll(
                mlContext.BinaryClassification.Trainers.FastTree(numberOfLeaves: 4, numberOfTrees: 20, minimumExampleCountPerLeaf: 2)));
        var metrics = mlContext.MulticlassClassification.Evaluate(pipeline.Fit(train).Transform(test));

        Assert.True(metrics.MicroAccuracy > 0.6, $"accuracy {metrics.MicroAccuracy:0.00} (chance 0.25)");
    }
}
