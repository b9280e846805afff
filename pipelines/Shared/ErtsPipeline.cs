using System.Diagnostics;
using Erts.MLNet.Catalog;
using Erts.MLNet.Training;
using Microsoft.ML;
using Microsoft.ML.Runtime;

namespace Erts.Pipelines;

/// <summary>The common tail of every pipeline: preprocess, map labels to keys, train with ERTS, evaluate, save.</summary>
public static class ErtsPipeline
{
    /// <summary>
    /// Fits <paramref name="preprocessing"/> + <c>MapValueToKey("Label")</c> on the training data, trains the ERTS
    /// classifier on it (checkpoints chosen on <paramref name="validation"/>, transformed the same way), and
    /// evaluates the whole model on <paramref name="test"/>.
    /// </summary>
    /// <param name="mlContext">The ML.NET context.</param>
    /// <param name="preprocessing">ECG transforms applied before the trainer (e.g. resample, normalise).</param>
    /// <param name="options">Trainer options; its <c>ValidationSet</c> is set here when <paramref name="validation"/> is given.</param>
    /// <param name="train">Training data (ECG IDataView convention).</param>
    /// <param name="validation">Validation data, or null to let the trainer hold out <c>ValidationFraction</c> of the training data.</param>
    /// <param name="test">Test data.</param>
    public static PipelineResult TrainAndEvaluate(MLContext mlContext, IEstimator<ITransformer> preprocessing, ErtsTrainer.Options options,
        IDataView train, IDataView? validation, IDataView test)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentNullException.ThrowIfNull(options);
        var prepare = preprocessing.Append(mlContext.Transforms.Conversion.MapValueToKey("Label")).Fit(train);
        if (validation is not null) options.ValidationSet = prepare.Transform(validation);

        // The trainer writes a line per epoch (and any warning) to ML.NET's log: show them while it trains.
        void ShowTrainerLog(object? sender, LoggingEventArgs e)
        {
            if (e.Source.Contains(nameof(ErtsTrainer), StringComparison.Ordinal) && e.Kind is ChannelMessageKind.Info or ChannelMessageKind.Warning)
                Console.WriteLine(e.Kind == ChannelMessageKind.Warning ? "warning: " + e.RawMessage : e.RawMessage);
        }
        mlContext.Log += ShowTrainerLog;
        var clock = Stopwatch.StartNew();
        ErtsTransformer classifier;
        try
        {
            classifier = mlContext.MulticlassClassification.Trainers.Erts(options).Fit(prepare.Transform(train));
        }
        finally
        {
            mlContext.Log -= ShowTrainerLog;
        }
        double fitSeconds = clock.Elapsed.TotalSeconds;

        var model = prepare.Append(classifier);
        var metrics = mlContext.MulticlassClassification.Evaluate(model.Transform(test));
        return new PipelineResult(model, classifier, EvaluationSummary.From(metrics, classifier.ClassNames, EvaluationSummary.CountRows(test)), fitSeconds);
    }

    /// <summary>Writes <c>model.zip</c> (an ordinary ML.NET model zip), <c>metrics.json</c> and <c>training.json</c> into <paramref name="folder"/>.</summary>
    /// <param name="mlContext">The ML.NET context.</param>
    /// <param name="result">What <see cref="TrainAndEvaluate"/> returned.</param>
    /// <param name="inputSchema">Schema of the raw training data (stored in the model file).</param>
    /// <param name="folder">Output folder, created when missing.</param>
    public static void Save(MLContext mlContext, PipelineResult result, DataViewSchema inputSchema, string folder)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentNullException.ThrowIfNull(result);
        Directory.CreateDirectory(folder);
        mlContext.Model.SaveErtsModel(result.Model, inputSchema, Path.Combine(folder, "model.zip"));
        result.Test.WriteJson(Path.Combine(folder, "metrics.json"));
        result.WriteTrainingJson(Path.Combine(folder, "training.json"));
        Console.WriteLine($"test: {result.Test}");
        Console.WriteLine($"{result.Classifier.Report?.EffectiveEpochs:F2} effective epochs in {result.FitSeconds:F0} s; model, metrics.json and training.json written to {folder}");
    }
}
