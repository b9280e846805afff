using Erts.Cli.Commands;
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
/// <c>MapValueToKey("Label")</c> → optionally <c>Transforms.Ecg.Resample(rate)</c> → <c>Transforms.Ecg.NormalizeLeads()</c>
/// (per-record z-score, as the paper) → <c>MulticlassClassification.Trainers.Erts(options)</c>. Both ECG transforms
/// write in place, so in views of whole records the <c>SignalLength</c> column follows the resampling and the
/// z-score covers each record only.
/// </summary>
internal static class ExperimentRunner
{
    /// <summary>Fits the pipeline on the training part; the validation part (when not empty) selects the checkpoint.</summary>
    /// <param name="splits">The data.</param>
    /// <param name="options">The trainer's options; <see cref="ErtsTrainer.Options.Progress"/> and the validation set are set here.</param>
    /// <param name="progress">Receives a report after every epoch.</param>
    /// <param name="resampleRate">Rate (Hz) every record is resampled to before normalising; null keeps the data's own.</param>
    /// <exception cref="UsageException">The training window is longer than the records the network sees.</exception>
    public static TrainedModel Train(EcgSplits splits, ErtsTrainer.Options options, IProgress<EpochReport>? progress, float? resampleRate = null)
    {
        var ml = new MLContext(seed: options.Seed);
        var shape = splits.SignalShape();
        var trainView = View(ml, splits.Train, shape);
        // Labels are keyed by value (sorted), so class order does not depend on which class the data list first.
        var steps = new EstimatorChain<ITransformer>()
            .Append<ITransformer>(ml.Transforms.Conversion.MapValueToKey("Label", keyOrdinality: ValueToKeyMappingEstimator.KeyOrdinality.ByValue));
        if (resampleRate is { } rate) steps = steps.Append<ITransformer>(ml.Transforms.Ecg.Resample(rate));
        var preprocessing = steps.Append<ITransformer>(ml.Transforms.Ecg.NormalizeLeads()).Fit(trainView);
        RequireWindowFits(options, preprocessing.GetOutputSchema(trainView.Schema));
        options.Progress = progress;
        if (splits.Validation.Count > 0) options.ValidationSet = preprocessing.Transform(View(ml, splits.Validation, shape));

        var trainer = ml.MulticlassClassification.Trainers.Erts(options);
        var classifier = trainer.Fit(preprocessing.Transform(trainView));
        var model = new TransformerChain<ITransformer>([.. preprocessing, classifier]);
        return new TrainedModel(ml, model, trainView.Schema, classifier.Report ?? trainer.LastReport);
    }

    /// <summary>
    /// Scores <paramref name="examples"/> with ML.NET's multiclass evaluator. Examples whose label the model was not
    /// trained on cannot enter its confusion matrix: they are left out, and the summary says so
    /// (<see cref="ClassificationSummary.LeftOut"/>); every other example is counted.
    /// </summary>
    /// <exception cref="ArgumentException">The examples do not have the model's leads and length (message from the model).</exception>
    /// <exception cref="InvalidOperationException">An example holds NaN or infinite samples, or the evaluator did not count every example.</exception>
    public static ClassificationSummary Evaluate(TrainedModel model, IReadOnlyList<EcgExample> examples)
    {
        var classNames = Classifier(model).ClassNames;
        var known = classNames.ToHashSet(StringComparer.Ordinal);
        var scorable = examples.Where(e => known.Contains(e.Label)).ToList();
        var leftOut = examples.Where(e => !known.Contains(e.Label)).GroupBy(e => e.Label, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Count(), StringComparer.Ordinal);
        var matrix = new int[classNames.Count, classNames.Count];
        if (scorable.Count == 0) return ClassificationSummary.FromConfusionMatrix(classNames, matrix, logLoss: null, leftOut);
        var scored = model.Model.Transform(View(model.Context, scorable, InputShape(model, scorable)));
        var metrics = model.Context.MulticlassClassification.Evaluate(scored);
        var counts = metrics.ConfusionMatrix.Counts;
        for (int truth = 0; truth < Math.Min(counts.Count, classNames.Count); truth++)
            for (int guess = 0; guess < Math.Min(counts[truth].Count, classNames.Count); guess++)
                matrix[truth, guess] = (int)Math.Round(counts[truth][guess]);
        var summary = ClassificationSummary.FromConfusionMatrix(classNames, matrix, metrics.LogLoss, leftOut);
        // ML.NET's evaluator drops rows it cannot score without a word (ERTS models throw rather than score NaN).
        if (summary.Count != scorable.Count)
            throw new InvalidOperationException($"ML.NET's evaluator counted only {summary.Count} of {scorable.Count} examples.");
        return summary;
    }

    /// <summary>
    /// Classifies one example and returns its Grad-CAM evidence over the original (unnormalised) signal; a model that
    /// scores by sliding windows, reads whole records or fuses auxiliary features is explained as it scores
    /// (<see cref="ErtsTransformer.ExplainRecord"/>), the profile covering the record.
    /// </summary>
    public static ExplanationExample Explain(TrainedModel model, EcgExample example)
    {
        var classifier = Classifier(model);
        // The classifier sees the signal as the pipeline prepared it; run the steps before it on this one record.
        var input = View(model.Context, [example], InputShape(model, [example]));
        var prepared = model.Model is TransformerChain<ITransformer> chain
            ? chain.Where(t => t is not ErtsTransformer).Aggregate(input, (view, t) => t.Transform(view))
            : input;
        // ExplainRecord takes a bare array: bind the schema first so that explain refuses what scoring refuses (size, leads, rate).
        classifier.GetOutputSchema(prepared.Schema);
        float[] signal = prepared.GetColumn<float[]>(classifier.SignalColumnName).First();
        int? length = prepared.Schema.GetColumnOrNull(EcgColumns.SignalLength) is { } lengthColumn
            ? prepared.GetColumn<int>(lengthColumn).First()
            : null;
        float[] auxiliary = classifier.AuxiliaryFeaturesColumnName is { } auxiliaryColumn
            ? prepared.GetColumn<float[]>(auxiliaryColumn).First()
            : [];
        var explanation = classifier.ExplainRecord(signal, length, auxiliary);
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

    /// <summary>
    /// A view of <paramref name="examples"/> with <paramref name="shape"/>: as the examples come when every one has the
    /// shape's length, else whole records zero-padded to it with their lengths (so every part of a run, and any data
    /// scored later, has the shape the model was trained on).
    /// </summary>
    private static IDataView View(MLContext ml, IReadOnlyList<EcgExample> examples, EcgSignalShape shape) =>
        shape.VariableLength
            ? ml.Data.LoadEcg(() => examples, shape, examples.Count, examples.Count > 0 ? examples[0].Rhythm?.SlotNames : null)
            : ml.Data.LoadEcg(examples);

    /// <summary>
    /// The shape to view data for <paramref name="model"/> with: whole records padded to the model's length when it
    /// was trained on whole records (its input has <c>SignalLength</c>), else the examples' own.
    /// </summary>
    private static EcgSignalShape InputShape(TrainedModel model, IReadOnlyList<EcgExample> examples)
    {
        var own = EcgSignalShape.Enclosing(examples);
        if (!model.TakesWholeRecords
            || model.InputSchema.GetColumnOrNull(EcgColumns.Signal)?.Type is not VectorDataViewType { Dimensions.Length: 2 } signal)
            return own;
        return EcgSignalShape.UpTo(signal.Dimensions[0], signal.Dimensions[1], own.LeadNames, own.SamplingRate);
    }

    /// <summary>Fails naming --window when the window is longer than the signal the network is given.</summary>
    private static void RequireWindowFits(ErtsTrainer.Options options, DataViewSchema prepared)
    {
        if (options.TrainingWindow is not { } window || prepared.GetColumnOrNull(options.SignalColumnName)?.Type is not VectorDataViewType signal)
            return;
        int samples = signal.Dimensions.Length == 2 ? signal.Dimensions[1] : signal.Size / options.Leads;
        if (window > samples)
            throw new UsageException($"--window {window} is longer than the records the network is given ({samples} samples per lead).");
    }

    private static ErtsTransformer Classifier(TrainedModel model) => model.Model switch
    {
        ErtsTransformer classifier => classifier,
        TransformerChain<ITransformer> chain => chain.OfType<ErtsTransformer>().LastOrDefault()
            ?? throw new InvalidOperationException("the model holds no ERTS classifier."),
        _ => throw new InvalidOperationException($"the model is a {model.Model.GetType().Name}, not an ERTS pipeline."),
    };
}
