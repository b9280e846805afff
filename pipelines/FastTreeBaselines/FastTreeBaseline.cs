using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

namespace Erts.Pipelines.FastTreeBaselines;

/// <summary>
/// The part every baseline shares: materialise the feature columns once, weight classes by inverse frequency, train
/// one-versus-all FastTree, and score the test set (per-class F1 from ML.NET's confusion matrix).
/// </summary>
internal static class FastTreeBaseline
{
    /// <summary>
    /// Runs <paramref name="features"/> over <paramref name="source"/> and caches its <c>Label</c> and <c>Features</c>
    /// columns in memory, so that the signals are read and the features computed once; returns the rows and seconds.
    /// </summary>
    public static (IDataView Table, long Rows, double Seconds) Materialize(MLContext mlContext, IEstimator<ITransformer> features, IDataView source)
    {
        var watch = Stopwatch.StartNew();
        var selected = features.Append(mlContext.Transforms.SelectColumns("Label", "Features")).Fit(source).Transform(source);
        var table = mlContext.Data.Cache(selected);
        long rows = 0;
        using (var cursor = table.GetRowCursor(table.Schema))
            while (cursor.MoveNext()) rows++;
        return (table, rows, watch.Elapsed.TotalSeconds);
    }

    /// <summary>Trains OVA FastTree on the materialised <paramref name="train"/> table and evaluates it on <paramref name="test"/>.</summary>
    public static BaselineResult TrainAndEvaluate(MLContext mlContext, string dataset,
        (IDataView Table, long Rows, double Seconds) train, (IDataView Table, long Rows, double Seconds) test, int threads)
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
        var model = pipeline.Fit(train.Table);
        double fitSeconds = watch.Elapsed.TotalSeconds;

        var predictions = model.Transform(test.Table);
        var metrics = mlContext.MulticlassClassification.Evaluate(predictions);
        VBuffer<ReadOnlyMemory<char>> labels = default;
        predictions.Schema["Label"].GetKeyValues(ref labels);
        var perClass = labels.DenseValues()
            .Select((label, k) => KeyValuePair.Create(label.ToString(), F1(metrics.ConfusionMatrix, k)))
            .ToArray();
        return new BaselineResult(dataset, "ECG features + FastTree (one-vs-all)", perClass.Average(p => p.Value), metrics.MicroAccuracy,
            perClass, train.Seconds + fitSeconds, threads, train.Rows, test.Rows);
    }

    // Inverse class frequency, normalised so the weights average 1 over the rows (scikit-learn's "balanced").
    private static KeyValuePair<string, float>[] ClassWeights(IDataView train)
    {
        var counts = train.GetColumn<string>("Label").GroupBy(l => l).ToDictionary(g => g.Key, g => g.Count());
        int total = counts.Values.Sum();
        return counts.Select(c => KeyValuePair.Create(c.Key, (float)total / (counts.Count * c.Value))).ToArray();
    }

    private static double F1(ConfusionMatrix confusion, int k)
    {
        double precision = confusion.PerClassPrecision[k], recall = confusion.PerClassRecall[k];
        return precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
    }
}
