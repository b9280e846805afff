using System.Diagnostics;
using System.Globalization;
using Erts.MLNet.Catalog;
using Erts.MLNet.Data.DataViews;
using Erts.MLNet.Training;
using Erts.MLNet.Transforms;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Erts.Pipelines.FastTreeBaselines;

/// <summary>
/// The hybrid: train the ERTS network briefly, take its penultimate embedding (the output column
/// <c>ErtsTrainer.Options.EmbeddingColumnName</c>) and train one-versus-all FastTree on it, alone and concatenated
/// with the hand-made features. The network's own test predictions are reported too: they come from the same
/// forward pass as the test embeddings.
/// </summary>
internal static class HybridBaseline
{
    /// <summary>The network's input column, written by <see cref="BaselineData.NetworkInput"/>.</summary>
    public const string NetworkSignal = "NetworkSignal";

    private const string LabelKey = "LabelKey";
    private const string Embedding = "Embedding";
    private const string HandFeatures = "HandFeatures";

    /// <summary>The network's view of "Signal" in <see cref="NetworkSignal"/>: <paramref name="window"/> samples kept by
    /// <paramref name="mode"/>, resampled to <paramref name="rate"/> Hz, z-scored per record.</summary>
    public static IEstimator<ITransformer> NetworkInput(MLContext mlContext, int window, CropMode mode, float rate) =>
        mlContext.Transforms.Ecg.CropOrPad(window, mode, outputColumnName: NetworkSignal, inputColumnName: EcgColumns.Signal)
            .Append(mlContext.Transforms.Ecg.Resample(rate, NetworkSignal))
            .Append(mlContext.Transforms.Ecg.NormalizeLeads(outputColumnName: NetworkSignal));

    /// <summary>The network alone, FastTree on its embedding, and FastTree on its embedding plus the hand-made features.</summary>
    public static IReadOnlyList<BaselineResult> Run(MLContext mlContext, BaselineData data, int threads)
    {
        var options = data.Schedule;
        options.LabelColumnName = LabelKey;
        options.SignalColumnName = NetworkSignal;
        options.EmbeddingColumnName = Embedding;
        options.Threads = threads;
        options.Progress = new ConsoleProgress();

        var watch = Stopwatch.StartNew();
        // The label becomes a key in its own column: FastTree's pipeline weights classes by the text label.
        var network = data.NetworkInput
            .Append(mlContext.Transforms.Conversion.MapValueToKey(LabelKey, "Label"))
            .Append(mlContext.MulticlassClassification.Trainers.Erts(options))
            .Fit(data.NetworkTrain);
        double networkSeconds = watch.Elapsed.TotalSeconds;
        var report = network.LastTransformer.Report!;
        string networkName = $"ERTS {options.Network}";

        // One pass over each split gives the hand-made features, the embedding and the network's predictions.
        string[] kept = [HandFeatures, Embedding, LabelKey, "Score", "PredictedLabel"];
        var train = FastTreeBaseline.Materialize(mlContext, Hybrid(mlContext, data, network, data.Train), data.Train, kept);
        var test = FastTreeBaseline.Materialize(mlContext, Hybrid(mlContext, data, network, data.Test), data.Test, kept);

        var (macroF1, accuracy, perClass) = FastTreeBaseline.Evaluate(mlContext, test.Table, LabelKey);
        var alone = new BaselineResult(data.Protocol, $"{networkName} alone ({data.ScheduleText})", macroF1, accuracy, perClass,
            networkSeconds, threads, report.TrainingSetSize + report.ValidationSetSize, test.Rows);
        var onEmbedding = FastTreeBaseline.TrainAndEvaluate(mlContext, data.Protocol, $"{networkName} embedding + FastTree (one-vs-all)",
            WithFeatures(mlContext, train, Embedding), WithFeatures(mlContext, test, Embedding), threads, networkSeconds);
        var onBoth = FastTreeBaseline.TrainAndEvaluate(mlContext, data.Protocol, $"{networkName} embedding + ECG features + FastTree (one-vs-all)",
            train, test, threads, networkSeconds);
        return [alone, onEmbedding, onBoth];
    }

    // Hand-made features (kept as HandFeatures), then the network's columns, then Features = embedding ++ hand-made.
    private static ITransformer Hybrid(MLContext mlContext, BaselineData data, ITransformer network, IDataView split)
    {
        var features = data.Features.Append(mlContext.Transforms.CopyColumns(HandFeatures, "Features")).Fit(split);
        var embedded = network.Transform(features.Transform(split));
        var concatenate = mlContext.Transforms.Concatenate("Features", Embedding, HandFeatures).Fit(embedded);
        return new TransformerChain<ITransformer>(features, network, concatenate);
    }

    // The materialised table with Features replaced by one of its columns (a lazy copy over the cache).
    private static (IDataView Table, long Rows, double Seconds) WithFeatures(MLContext mlContext, (IDataView Table, long Rows, double Seconds) table, string column) =>
        (mlContext.Transforms.CopyColumns("Features", column).Fit(table.Table).Transform(table.Table), table.Rows, table.Seconds);

    // Reports on the training thread as it happens (Progress<T> would post to the thread pool, out of order).
    private sealed class ConsoleProgress : IProgress<EpochReport>
    {
        public void Report(EpochReport epoch) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  network epoch {epoch.Epoch} ({epoch.Phase}): loss {epoch.TrainLoss:0.000}, kept {epoch.KeptFraction:P0}, " +
            $"validation macro-F1 {epoch.ValidationMacroF1:0.000}, {epoch.TotalSeconds:0} s"));
    }
}
