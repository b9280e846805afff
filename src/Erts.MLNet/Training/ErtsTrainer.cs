using System.Globalization;
using Erts.MLNet.Explainability;
using Erts.MLNet.Model;
using Erts.MLNet.Networks;
using Erts.MLNet.Persistence;
using Erts.MLNet.Selection;
using Erts.MLNet.Training.Storage;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;
using TorchSharp;

namespace Erts.MLNet.Training;

/// <summary>
/// The ERTS multiclass trainer for ECG signals: trains a TorchSharp network with explainability-guided progressive
/// data dropout and returns an <see cref="ErtsTransformer"/>. Create it with
/// <c>mlContext.MulticlassClassification.Trainers.Erts(...)</c>.
/// </summary>
/// <remarks>
/// <para><b>Input columns.</b> Label: a key type with a known number of classes (add
/// <c>mlContext.Transforms.Conversion.MapValueToKey("Label")</c>); its key values become the class names.
/// Signal: a known-size vector of <c>Single</c>, lead-major; with two dimensions (leads, samples) its shape is taken
/// from the type, else <see cref="Options.Leads"/> splits it. Rows with a missing label are skipped. Every sample and
/// auxiliary feature must be finite: a NaN or an infinity stops <see cref="Fit"/> (put
/// <c>mlContext.Transforms.Ecg.HandleNonFinite()</c> first to replace them), as it stops scoring.</para>
/// <para><b>Output columns.</b> Score (softmax probabilities, <c>Vector&lt;Single, K&gt;</c>), PredictedLabel
/// (<c>Key&lt;UInt32, K&gt;</c>) and optionally the Grad-CAM explanation and the network's embedding; see
/// <see cref="ErtsTransformer"/>.</para>
/// <para><b>Trainer characteristics.</b></para>
/// <list type="table">
/// <item><term>Machine learning task</term><description>Multiclass classification</description></item>
/// <item><term>Is normalization required?</term><description>No; per-lead z-scoring of each record helps.</description></item>
/// <item><term>Is caching required?</term><description>No; the data is read once, into memory up to <see cref="Options.InMemoryDataLimitMegabytes"/> and into a temporary file beyond.</description></item>
/// <item><term>Required NuGet</term><description>Erts.MLNet (brings TorchSharp and libtorch)</description></item>
/// <item><term>Exportable to ONNX</term><description>No</description></item>
/// </list>
/// <para><b>Algorithm.</b> Fit reads the data once, holds out <see cref="Options.ValidationFraction"/> (stratified,
/// seeded) unless <see cref="Options.ValidationSet"/> is given, builds <see cref="Options.Network"/> and runs
/// <see cref="TrainingLoop"/>: warm-up on all data, then per batch only the samples the selection policy keeps get a
/// gradient step (ERTS keeps the low-confidence samples whose Grad-CAM evidence is focused), then revision on all
/// data; the weights of the epoch with the best validation macro-F1 are kept. Progress goes to <c>mlContext.Log</c>.</para>
/// </remarks>
public sealed partial class ErtsTrainer : IEstimator<ErtsTransformer>
{
    private readonly IHostEnvironment _env;
    private readonly Options _options;

    /// <summary>Creates the trainer; <paramref name="options"/> is checked here.</summary>
    /// <exception cref="ArgumentException">An option is empty or out of range (the message names it).</exception>
    internal ErtsTrainer(IHostEnvironment env, Options options)
    {
        ArgumentNullException.ThrowIfNull(env);
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);
        _env = env;
        _options = options;
    }

    /// <summary>The report of the last <see cref="Fit"/> (null before the first).</summary>
    public TrainingReport? LastReport { get; private set; }

    /// <summary>Trains on <paramref name="input"/> and returns the trained model.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A column is missing or has the wrong type (the message names it and the fix).</exception>
    /// <exception cref="ArgumentException">The validation set does not match the training data.</exception>
    /// <exception cref="InvalidOperationException">No row has a label.</exception>
    /// <exception cref="TrainingCheckpointException"><see cref="Options.CheckpointDirectory"/> holds a checkpoint that is corrupt or of a different run.</exception>
    /// <exception cref="Transforms.NonFiniteSignalException">A signal sample of the training or validation data is NaN or infinite (the message names the row, its record id, lead and sample).</exception>
    /// <exception cref="Data.NonFiniteValueException">An auxiliary feature is NaN or infinite.</exception>
    /// <exception cref="TrainingDivergedException">The loss, the weights or the validation scores became NaN or infinite (too high a learning rate, or extreme inputs).</exception>
    /// <remarks>
    /// <see cref="Options.CancellationToken"/> and ML.NET's cancellation of the context (<c>MLContext.CancelExecution</c>,
    /// internal in ML.NET 5, used by AutoML) stop training within one batch:
    /// Fit then returns the model with the best weights so far and <see cref="TrainingReport.Cancelled"/> set, and
    /// a later Fit with the same <see cref="Options.CheckpointDirectory"/> (on a context that was not cancelled)
    /// resumes after the last finished epoch.
    /// </remarks>
    public ErtsTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var columns = TrainingColumns.Bind(input.Schema, _options);
        // A host of our own: MLContext.CancelExecution() cancels the hosts registered under it.
        var host = _env.Register(nameof(ErtsTrainer));
        using var channel = host.Start("ERTS training");
        void Log(string line) => channel.Info(MessageSensitivity.None, "{0}", line);

        var storage = new TrainingDataStorage(_options);
        using var stores = storage.Stores;
        var (all, skipped) = storage.Read(input, columns);
        if (skipped > 0) channel.Warning(MessageSensitivity.None, "{0} row(s) without a label were skipped.", skipped);
        if (all.Count == 0) throw new InvalidOperationException($"The training data has no row with a label in column '{columns.Label.Name}'.");
        var (train, validation) = SplitValidation(all, columns, storage);
        if (storage.Describe() is { } spilled) Log(spilled);
        var (window, stride) = RecordWindows.Of(_options, columns.Samples);
        Log(string.Format(CultureInfo.InvariantCulture,
            "{0} on {1} training / {2} validation ECGs of {3} lead(s) x {4} samples{5}, classes: {6}; policy {7}, {8} epochs.",
            _options.Network, train.Count, validation?.Count ?? 0, columns.Leads, columns.Samples,
            window == columns.Samples ? "" : $" in random windows of {window}",
            string.Join(", ", columns.ClassNames), _options.SelectionPolicy, _options.Epochs));

        // Auxiliary features are standardised with the training part's statistics, which the model keeps for scoring.
        AuxiliaryScaling? scaling = null;
        if (columns.AuxiliarySize > 0)
        {
            scaling = AuxiliaryScaling.Fit(train);
            train = scaling.Apply(train);
            validation = validation is null ? null : scaling.Apply(validation);
        }

        torch.manual_seed(_options.Seed);
        var network = NetworkFactory.Create(_options.Network, columns.Leads, window, columns.Classes, columns.AuxiliarySize);
        TrainingReport report;
        try
        {
            var loop = new TrainingLoop(_options, Log, MlNetBridge.CancellationProbe(host));
            WarnIfFocusIsConstant(channel, loop.Policy, network, columns);
            report = loop.Run(network, train, validation);
        }
        catch
        {
            network.Dispose();
            throw;
        }
        LastReport = report;
        if (report.Cancelled)
            channel.Warning(MessageSensitivity.None, "Training was cancelled after {0} of {1} epochs; the model holds the best weights so far.",
                report.Epochs.Count, _options.Epochs);
        var provenance = SignalProvenance.Of(columns.Signal, columns.Leads);
        var description = new ModelDescription(_options.Network, columns.Leads, columns.Samples, columns.ClassNames,
            _options.SignalColumnName, _options.ScoreColumnName, _options.PredictedLabelColumnName, _options.ExplanationColumnName,
            _options.EmbeddingColumnName, _options.FocusResolution)
        {
            Window = window,
            Stride = stride,
            SignalLengthColumnName = columns.Length?.Name,
            AuxiliaryColumnName = columns.Auxiliary?.Name,
            AuxiliaryScaling = scaling,
            // Recorded so that scoring can refuse leads in another order, other leads or another rate (same size, wrong input).
            LeadNames = provenance.LeadNames,
            SamplingRate = provenance.SamplingRate,
        };
        return new ErtsTransformer(network, description, report);
    }

    // The focus score averages the top max(1, floor(T'/10)) positions of a min-max-normalised profile: when that is
    // one position it is the maximum, always 1, and the focus filter silently degrades to a confidence ranking.
    private void WarnIfFocusIsConstant(IChannel channel, ISelectionPolicy policy, EcgNetwork network, TrainingColumns columns)
    {
        if (policy is not FocusFilter || _options.FocusResolution != FocusResolution.ExplainedLayer) return;
        int window = RecordWindows.Of(_options, columns.Samples).Window;
        int positions = network.ExplainedLength(columns.Leads, window);
        if (FocusScore.TopCount(positions) > 1) return;
        channel.Warning(MessageSensitivity.None,
            "{0}'s explained layer has only {1} time positions for {2}-sample inputs, so the focus score is 1 for every " +
            "non-flat Grad-CAM profile and policy {3} ranks candidates by confidence alone. Set Options.FocusResolution " +
            "= FocusResolution.Input to score profiles at the input's resolution.",
            _options.Network, positions, window, policy.Name);
    }

    /// <summary>The schema after the trained model: the input plus Score, PredictedLabel and the optional explanation and embedding.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The label is not a key, or the signal is not a fixed-size Single vector (the message names the column and the fix).</exception>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        ColumnRules.RequireKeyLabel(ColumnRules.Find(inputSchema, _options.LabelColumnName, "label"));
        ColumnRules.RequireSignal(ColumnRules.Find(inputSchema, _options.SignalColumnName, "signal"));

        var columns = inputSchema.ToDictionary(column => column.Name);
        columns[_options.ScoreColumnName] = MlNetBridge.Column(_options.ScoreColumnName, SchemaShape.Column.VectorKind.Vector,
            NumberDataViewType.Single, isKey: false, ScoreAnnotations.ScoreShape());
        columns[_options.PredictedLabelColumnName] = MlNetBridge.Column(_options.PredictedLabelColumnName, SchemaShape.Column.VectorKind.Scalar,
            NumberDataViewType.UInt32, isKey: true, ScoreAnnotations.PredictedLabelShape());
        if (_options.ExplanationColumnName is { } explanation)
            columns[explanation] = MlNetBridge.Column(explanation, SchemaShape.Column.VectorKind.Vector, NumberDataViewType.Single, isKey: false);
        if (_options.EmbeddingColumnName is { } embedding)
            columns[embedding] = MlNetBridge.Column(embedding, SchemaShape.Column.VectorKind.Vector, NumberDataViewType.Single, isKey: false,
                ScoreAnnotations.SlotNamesShape());
        return new SchemaShape(columns.Values);
    }

    private (EcgTensorData Train, EcgTensorData? Validation) SplitValidation(EcgTensorData all, TrainingColumns columns, TrainingDataStorage storage)
    {
        if (_options.ValidationSet is not { } validationSet)
            return StratifiedHoldOut.Split(all, _options.ValidationFraction, _options.Seed);
        var validationColumns = TrainingColumns.Bind(validationSet.Schema, _options);
        columns.RequireCompatible(validationColumns);
        return (all, storage.Read(validationSet, validationColumns).Data);
    }

    /// <summary>The training options (<see cref="OptionsValidation"/>) plus the ones only the ML.NET surface uses.</summary>
    private static void Validate(Options options)
    {
        OptionsValidation.Validate(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.LabelColumnName, nameof(Options.LabelColumnName));
        ArgumentException.ThrowIfNullOrWhiteSpace(options.SignalColumnName, nameof(Options.SignalColumnName));
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ScoreColumnName, nameof(Options.ScoreColumnName));
        ArgumentException.ThrowIfNullOrWhiteSpace(options.PredictedLabelColumnName, nameof(Options.PredictedLabelColumnName));
        if (options.ExplanationColumnName is not null)
            ArgumentException.ThrowIfNullOrWhiteSpace(options.ExplanationColumnName, nameof(Options.ExplanationColumnName));
        if (options.EmbeddingColumnName is not null)
            ArgumentException.ThrowIfNullOrWhiteSpace(options.EmbeddingColumnName, nameof(Options.EmbeddingColumnName));
        var outputs = new[] { options.ScoreColumnName, options.PredictedLabelColumnName, options.ExplanationColumnName, options.EmbeddingColumnName }
            .OfType<string>().ToList();
        if (outputs.Distinct().Count() != outputs.Count)
            throw new ArgumentException($"The output columns must have distinct names; got {string.Join(", ", outputs)}.", nameof(Options.ScoreColumnName));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Leads, 1, nameof(Options.Leads));
        if (!Enum.IsDefined(options.Network))
            throw new ArgumentOutOfRangeException(nameof(Options.Network), options.Network, "Not a known backbone.");
    }
}
