using Erts.Cli.Reports;
using Erts.MLNet.Catalog;
using Erts.MLNet.Data;
using Erts.MLNet.Data.DataViews;
using Erts.MLNet.Training;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace Erts.Cli.Runs;

/// <summary>
/// Trains, scores, explains, saves and loads models for the commands, through the public ERTS.MLNet API only:
/// <c>MapValueToKey("Label")</c> → <c>Transforms.Ecg.NormalizeLeads()</c> (per-record z-score, as the paper) →
/// <c>MulticlassClassification.Trainers.Erts(options)</c>.
/// </summary>
internal static class ExperimentRunner
{
    /// <summary>Fits the pipeline on the training part; the validation part (when not empty) selects the checkpoint.</summary>
    public static TrainedModel Train(EcgSplits splits, ErtsTrainer.Options options, IProgress<EpochReport>? progress)
    {
        var ml = new MLContext(seed: options.Seed);
        var trainView = ml.Data.LoadEcg(splits.Train);
        // Labels are keyed by value (sorted), so class order does not depend on which class the data list first.
        var preprocessing = ml.Transforms.Conversion.MapValueToKey("Label", keyOrdinality: ValueToKeyMappingEstimator.KeyOrdinality.ByValue)
            .Append(ml.Transforms.Ecg.NormalizeLeads())
            .Fit(trainView);
        options.Progress = progress;
        if (splits.Validation.Count > 0) options.ValidationSet = preprocessing.Transform(ml.Data.LoadEcg(splits.Validation));

        var trainer = ml.MulticlassClassification.Trainers.Erts(options);
        var classifier = trainer.Fit(preprocessing.Transform(trainView));
        var model = new TransformerChain<ITransformer>([.. preprocessing, classifier]);
        return new TrainedModel(ml, model, trainView.Schema, classifier.Report ?? trainer.LastReport);
    }

    /// <summary>Scores <paramref name="examples"/> with ML.NET's multiclass evaluator.</summary>
    /// <exception cref="ArgumentException">The examples do not have the model's leads and length (message from the model).</exception>
    public static ClassificationSummary Evaluate(TrainedModel model, IReadOnlyList<EcgExample> examples)
    {
        var scored = model.Model.Transform(model.Context.Data.LoadEcg(examples));
        var metrics = model.Context.MulticlassClassification.Evaluate(scored);
        var classNames = Classifier(model).ClassNames;
        var counts = metrics.ConfusionMatrix.Counts;
        var matrix = new int[classNames.Count, classNames.Count];
        for (int truth = 0; truth < Math.Min(counts.Count, classNames.Count); truth++)
            for (int guess = 0; guess < Math.Min(counts[truth].Count, classNames.Count); guess++)
                matrix[truth, guess] = (int)Math.Round(counts[truth][guess]);
        return ClassificationSummary.FromConfusionMatrix(classNames, matrix, metrics.LogLoss);
    }

    /// <summary>Classifies one example and returns its Grad-CAM evidence over the original (unnormalised) signal.</summary>
    public static ExplanationExample Explain(TrainedModel model, EcgExample example)
    {
        var classifier = Classifier(model);
        // The classifier sees the signal as the pipeline prepared it; run the steps before it on this one record.
        var prepared = model.Model is TransformerChain<ITransformer> chain
            ? chain.Where(t => t is not ErtsTransformer).Aggregate(model.Context.Data.LoadEcg([example]), (view, t) => t.Transform(view))
            : model.Context.Data.LoadEcg([example]);
        float[] signal = prepared.GetColumn<float[]>(classifier.SignalColumnName).First();
        var explanation = classifier.Explain(signal);
        return new ExplanationExample(example.RecordId, example.Signal, example.LeadNames, example.SamplingRate,
            explanation.Profile.ToArray(), example.Label, classifier.ClassNames[explanation.PredictedClass],
            explanation.Probabilities[explanation.PredictedClass]);
    }

    /// <summary>Writes the model to <paramref name="path"/> atomically (temporary file + rename).</summary>
    public static void Save(TrainedModel model, string path) =>
        model.Context.Model.SaveErtsModel(model.Model, model.InputSchema, path);

    /// <summary>Loads a model file written by <see cref="Save"/>.</summary>
    public static TrainedModel Load(string path)
    {
        var ml = new MLContext();
        var loaded = ml.Model.LoadErtsModel(path, out var schema);
        return new TrainedModel(ml, loaded, schema, Report: null);
    }

    private static ErtsTransformer Classifier(TrainedModel model) => model.Model switch
    {
        ErtsTransformer classifier => classifier,
        TransformerChain<ITransformer> chain => chain.OfType<ErtsTransformer>().LastOrDefault()
            ?? throw new InvalidOperationException("the model holds no ERTS classifier."),
        _ => throw new InvalidOperationException($"the model is a {model.Model.GetType().Name}, not an ERTS pipeline."),
    };
}
