using Erts.MLNet.Catalog;
using Erts.MLNet.Data;
using Erts.MLNet.Data.Synthetic;
using Erts.MLNet.Networks;
using Erts.MLNet.Training;
using Microsoft.ML;

namespace Erts.MLNet.Tests.Features;

/// <summary>The hybrid end to end: a briefly trained ERTS network's embedding column feeding ML.NET FastTree (one-vs-all).</summary>
public class FastTreeOnEmbeddingTests
{
    [Fact]
    public void FastTree_LearnsAboveChance_OnTheEmbeddingOfABrieflyTrainedNetwork()
    {
        SyntheticEcgClass[] classes = [SyntheticEcgClass.Normal, SyntheticEcgClass.AtrialFibrillation,
            SyntheticEcgClass.PrematureVentricularContraction, SyntheticEcgClass.BundleBranchBlock];
        // 4 s of lead II at 100 Hz: 400 samples, enough for rhythm and QRS shape, quick for a small CNN.
        var records = SyntheticEcg.Generate(new SyntheticEcgOptions
        {
            LeadNames = ["II"], SamplingRate = 100, DurationSeconds = 4, ExamplesPerClass = 30, Classes = classes, Seed = 7,
        });
        var mlContext = new MLContext(seed: 1);
        // Records cycle through the classes, so the first two thirds are balanced too.
        var train = mlContext.Data.LoadEcg(records.Take(80).Select(r => r.Example).ToList());
        var test = mlContext.Data.LoadEcg(records.Skip(80).Select(r => r.Example).ToList());

        // Two epochs barely train the network (about 0.45 accuracy alone); its embedding still separates the classes.
        var network = mlContext.Transforms.Ecg.NormalizeLeads()
            .Append(mlContext.Transforms.Conversion.MapValueToKey("Label"))
            .Append(mlContext.MulticlassClassification.Trainers.Erts(new ErtsTrainer.Options
            {
                Network = Backbone.SmallCnn1d, SelectionPolicy = "full", Epochs = 2, WarmupEpochs = 1, BatchSize = 8,
                LearningRate = 1e-2, ValidationFraction = 0, EmbeddingColumnName = "Embedding",
            }))
            .Fit(train);
        // FastTree reads the embedding as its features; the network's own Score and PredictedLabel make way.
        var trees = mlContext.Transforms.DropColumns("Score", "PredictedLabel")
            .Append(mlContext.MulticlassClassification.Trainers.OneVersusAll(
                mlContext.BinaryClassification.Trainers.FastTree(featureColumnName: "Embedding", numberOfLeaves: 4, numberOfTrees: 20,
                    minimumExampleCountPerLeaf: 2)));
        var hybrid = network.Append(trees.Fit(network.Transform(train)));

        var metrics = mlContext.MulticlassClassification.Evaluate(hybrid.Transform(test));
        Assert.True(metrics.MicroAccuracy > 0.6, $"accuracy {metrics.MicroAccuracy:0.00} (chance 0.25)");
    }
}
