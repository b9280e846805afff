using System.Diagnostics;
using Erts.MLNet.Training;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

namespace Erts.Pipelines.FastTreeBaselines;

/// <summary>
/// The part every FastTree model shares: materialise the feature columns once, weight classes by inverse frequency,
/// train one-versus-all FastTree, and score the test set (per-class F1 from ML.NET's confusion matrix, by the library's ClassificationMetrics).
/// </summary>
internal static class FastTreeBaseline
{
    /// <summary>The model name of FastTree on the hand-made features alone.</summary>
    public const string OnFeatures = "ECG features + FastTree (one-vs-all)";

    /// <summary>FastTree on the hand-made features of <paramref name="data"/>.</summary>
    public static BaselineResult Run(MLContext mlContext, BaselineData data, int threads)
    {
        var train = Materialize(mlContext, data.Features.Fit(data.Train), data.Train);
        var test = Materialize(mlContext, data.Features.Fit(data.Test), data.Test);
        return TrainAndEvaluate(mlContext, data.Protocol, OnFeatures, train, test, threads);
    }

    /// <summary>
    /// Runs <paramref name="features"/> over <paramref name="source"/> and caches its <c>Label</c>, <c>Features</c> and
    /// <paramref name="otherColumns"/> in memory, so that the signals are read and the features computed once;
    /// returns the rows and seconds.
    /// </summary>
    public static (IDataView Table, long Rows, double Seconds) Materialize(MLContext mlContext, ITransformer features, IDataView source,
        params string[] otherColumns)
    {
        var watch = Stopwatch.StartNew();
        var transformed = features.Transform(source);
        var selected = mlContext.Transforms.SelectColumns(["Label", "Features", .. otherColumns]).Fit(transformed).Transform(transformed);
        var table = mlContext.Data.Cache(selected);
        long rows = 0;
        using (var cursor = table.GetRowCursor(table.Schema))
            while (cursor.MoveNext()) rows++;
        return (table, rows, watch.Elapsed.TotalSeconds);
    }

    /// <summary>Trains OVA FastTree on the materialised <paramref name="train"/> table and evaluates it on <paramref name="test"/>.</summary>
    /// <param name="mlContext">The context.</param>
    /// <param name="dataset">Dataset and protocol, for the result.</param>
    /// <param name="model">Model name, for the result.</param>
    /// <param name="train">The training table (Label as text, Features).</param>
    /// <param name="test">The test table.</param>
    /// <param name="threads">FastTree threads.</param>
    /// <param name="earlierSeconds">Training time spent before the features existed (e.g. training the network that embeds them).</param>
    public static BaselineResult TrainAndEvaluate(MLContext mlContext, string dataset, string model,
        (IDataView Table, long Rows, double Seconds) train, (IDataView Table, long Rows, double Seconds) test, int threads, double earlierSeconds = 0)
    {
        var weights = ClassWeights(train.Table);
        var trees = mlContext.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            ExampleWeightColumnName = "Weight",
            NumberOfThreads = threads,
        });
        // Trainers skip rows with a NaN feature (an RR interval at a window's edge, an undefined sample entropy):
        // impute the training mean instead.
        var pipeline = mlContext.Transforms.ReplaceMissingValues("Features")
            .Append(mlContext.Transforms.Conversion.MapValue("Weight", weights, "Label"))
            .Append(mlContext.Transforms.Conversion.MapValueToKey("Label"))
            .Append(mlContext.MulticlassClassification.Trainers.OneVersusAll(trees));

        var watch = Stopwatch.StartNew();
        var fitted = pipeline.Fit(train.Table);
        double fitSeconds = watch.Elapsed.TotalSeconds;

        var (macroF1, accuracy, perClass) = Evaluate(mlContext, fitted.Transform(test.Table), "Label");
        return new BaselineResult(dataset, model, macroF1, accuracy, perClass, earlierSeconds + train.Seconds + fitSeconds, threads, train.Rows, test.Rows);
    }

    /// <summary>Macro-F1, accuracy and per-class F1 (in key order) of scored rows whose <paramref name="labelColumn"/> is a key with class names.</summary>
    public static (double MacroF1, double Accuracy, KeyValuePair<string, double>[] PerClassF1) Evaluate(MLContext mlContext, IDataView predictions, string labelColumn)
    {
        var metrics = mlContext.MulticlassClassification.Evaluate(predictions, labelColumnName: labelColumn);
        // The library's one rule (a class with neither examples nor predictions has no F1 and is left out), as every report uses.
        var scores = ClassificationMetrics.FromConfusionMatrix(metrics.ConfusionMatrix);
        VBuffer<ReadOnlyMemory<char>> labels = default;
        predictions.Schema[labelColumn].GetKeyValues(ref labels);
        var perClass = labels.DenseValues()
            .Select((label, k) => KeyValuePair.Create(label.ToString(), scores.PerClassF1[k]))
            .Where(pair => !double.IsNaN(pair.Value))
            .ToArray();
        return (scores.MacroF1, scores.Accuracy, perClass);
    }

    // Inverse class frequency, normalised so the weights average 1 over the rows (scikit-learn's "balanced").
    private static KeyValuePair<string, float>[] ClassWeights(IDataView train)
    {
        var counts = train.GetColumn<string>("Label").GroupBy(l => l).ToDictionary(g => g.Key, g => g.Count());
        int total = counts.Values.Sum();
        return counts.Select(c => KeyValuePair.Create(c.Key, (float)total / (counts.Count * c.Value))).ToArray();
    }
}
