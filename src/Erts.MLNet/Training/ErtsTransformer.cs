using Erts.MLNet.Explainability;
using Erts.MLNet.Model;
using Erts.MLNet.Networks;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Erts.MLNet.Training;

/// <summary>
/// A trained ERTS ECG classifier as an ML.NET transformer: adds the class probabilities (Score), the predicted class
/// (PredictedLabel, a key whose values are the class names) and optionally the Grad-CAM explanation and the network's
/// embedding of each row.
/// </summary>
/// <remarks>
/// <para>Output columns, as ML.NET's own multiclass trainers produce them, so <c>Evaluate</c>, <c>CrossValidate</c>,
/// <c>PredictionEngine</c> and <c>MapKeyToValue</c> work unchanged:</para>
/// <list type="table">
/// <listheader><term>Column</term><description>Type and annotations</description></listheader>
/// <item><term>Score</term><description><c>Vector&lt;Single, K&gt;</c> softmax probabilities; SlotNames and
/// TrainingLabelValues = class names, ScoreColumnKind = "MulticlassClassification", ScoreValueKind = "Score".</description></item>
/// <item><term>PredictedLabel</term><description><c>Key&lt;UInt32, K&gt;</c>, KeyValues = class names.</description></item>
/// <item><term>explanation (optional)</term><description><c>Vector&lt;Single, samples&gt;</c>, the Grad-CAM time
/// profile of the predicted class, as <see cref="Explain"/> gives it.</description></item>
/// <item><term>embedding (optional)</term><description><c>Vector&lt;Single, D&gt;</c>, D = <see cref="EmbeddingSize"/>,
/// slot names emb0 ... emb(D-1): the network's embedding (<c>EcgNetwork.EmbeddingOf</c>), from the same forward pass
/// as Score. A feature vector for classic trainers such as FastTree.</description></item>
/// </list>
/// <para><see cref="Transform"/> is lazy: rows go through the network in batches of 64 when a cursor first reads an
/// output. The transformer may be used from any thread (calls into the network are serialised). It owns a native
/// TorchSharp module: dispose it. As with every ML.NET transformer, a <c>TransformerChain</c> that contains it disposes
/// it too, and so does a <c>PredictionEngine</c> created over it unless <c>PredictionEngineOptions.OwnsTransformer</c>
/// is false.</para>
/// <para>Save with <c>mlContext.Model.Save</c> (or <c>SaveErtsModel</c>, which writes atomically). Before
/// <c>mlContext.Model.Load</c>, call <c>mlContext.ComponentCatalog.RegisterErtsComponents()</c> once, or use
/// <c>mlContext.Model.LoadErtsModel</c>, which does it and reports unreadable files clearly.</para>
/// </remarks>
public sealed partial class ErtsTransformer : ITransformer, IDisposable
{
    private readonly NetworkRunner _runner;

    /// <summary>Wraps a trained network; the transformer takes ownership of it.</summary>
    internal ErtsTransformer(EcgNetwork network, ModelDescription description, TrainingReport? report)
    {
        _runner = new NetworkRunner(network, description);
        Report = report;
    }

    /// <summary>The class names; index i is class i, predicted as key i + 1.</summary>
    public IReadOnlyList<string> ClassNames => Description.ClassNames;

    /// <summary>The network architecture.</summary>
    public Backbone Network => Description.Network;

    /// <summary>ECG leads per input row.</summary>
    public int Leads => Description.Leads;

    /// <summary>Samples per lead per input row.</summary>
    public int Samples => Description.Samples;

    /// <summary>Samples per lead of the network's input: <see cref="Samples"/>, or the training window when records are scored by sliding windows.</summary>
    public int Window => Description.Window;

    /// <summary>Step between the sliding windows of scoring, in samples.</summary>
    public int Stride => Description.Stride;

    /// <summary>Auxiliary features per row fused into the network (0: none).</summary>
    public int AuxiliaryFeatures => Description.AuxiliarySize;

    /// <summary>The auxiliary-feature column the model reads, or null.</summary>
    public string? AuxiliaryFeaturesColumnName => Description.AuxiliaryColumnName;

    /// <summary>The input signal column.</summary>
    public string SignalColumnName => Description.SignalColumnName;

    /// <summary>The output probabilities column.</summary>
    public string ScoreColumnName => Description.ScoreColumnName;

    /// <summary>The output predicted-class key column.</summary>
    public string PredictedLabelColumnName => Description.PredictedLabelColumnName;

    /// <summary>The output Grad-CAM column, or null when the model adds none.</summary>
    public string? ExplanationColumnName => Description.ExplanationColumnName;

    /// <summary>The output embedding column, or null when the model adds none.</summary>
    public string? EmbeddingColumnName => Description.EmbeddingColumnName;

    /// <summary>
    /// Where training measured focus (<see cref="ErtsTrainer.Options.FocusResolution"/>); <see cref="Explain"/> reports
    /// focus the same way. Models saved before it was stored read as <see cref="Explainability.FocusResolution.ExplainedLayer"/>.
    /// </summary>
    public FocusResolution FocusResolution => Description.FocusResolution;

    /// <summary>Values in the embedding column's vectors; 0 when the model adds no embedding column.</summary>
    public int EmbeddingSize => _runner.EmbeddingSize;

    /// <summary>
    /// The names of the leads the model was trained on, in order (the training signal column's <c>LeadNames</c>
    /// annotation); null when the training data did not name them or the model file predates them.
    /// </summary>
    public IReadOnlyList<string>? LeadNames => Description.LeadNames;

    /// <summary>
    /// The sampling rate (Hz) of the training signals (the signal column's <c>SamplingRate</c> annotation); null when
    /// the training data did not state it or the model file predates it.
    /// </summary>
    public float? SamplingRate => Description.SamplingRate;

    /// <summary>
    /// Whether scoring (<see cref="Transform"/>, <see cref="GetOutputSchema"/>, <see cref="GetRowToRowMapper"/> and so
    /// <c>Evaluate</c> and <c>PredictionEngine</c>) refuses data whose signal column names other leads, the same leads in
    /// another order, or another sampling rate than <see cref="LeadNames"/> and <see cref="SamplingRate"/>. Default true.
    /// Only what both sides state is compared: data without the <c>LeadNames</c>/<c>SamplingRate</c> annotations (e.g. a
    /// plain class read by <c>LoadFromEnumerable</c>), or a model saved before they were stored, is checked for size only.
    /// Set it to false only when you know the inputs match although their annotations differ (e.g. leads renamed
    /// upstream); it is not saved with the model.
    /// </summary>
    public bool CheckLeadsAndSamplingRate { get; set; } = true;

    /// <summary>How training went; null for a model loaded from a file (reports are not saved with the model).</summary>
    public TrainingReport? Report { get; }

    /// <summary>Always true: each output row depends only on its input row.</summary>
    public bool IsRowToRowMapper => true;

    internal ModelDescription Description => _runner.Description;

    /// <summary>The input schema plus the output columns.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The signal column is missing or does not have the trained size, or (see <see cref="CheckLeadsAndSamplingRate"/>) names other leads or another sampling rate than training.</exception>
    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema) => Bind(inputSchema).Output;

    /// <summary>Scores <paramref name="input"/> lazily (see remarks).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The signal column is missing or does not have the trained size, or (see <see cref="CheckLeadsAndSamplingRate"/>) names other leads or another sampling rate than training.</exception>
    public IDataView Transform(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new ScoredDataView(input, Bind(input.Schema), _runner);
    }

    /// <summary>A row-to-row mapper for <paramref name="inputSchema"/> (used by <c>PredictionEngine</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The signal column is missing or does not have the trained size, or (see <see cref="CheckLeadsAndSamplingRate"/>) names other leads or another sampling rate than training.</exception>
    public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema) => new ScoredRowMapper(Bind(inputSchema), _runner);

    /// <summary>
    /// Classifies one ECG and explains the prediction with Grad-CAM (<see cref="GradCam.Explain"/>): the predicted
    /// class (its name is <c>ClassNames[result.PredictedClass]</c>), the probabilities, the time profile of the
    /// explained class, one value per input sample, and its focus measured as training did (<see cref="FocusResolution"/>).
    /// </summary>
    /// <param name="signal">Leads x samples values in mV, lead-major, preprocessed as the training data was.</param>
    /// <param name="targetClass">0-based class to explain; null (default) explains the predicted class.</param>
    /// <exception cref="ArgumentException"><paramref name="signal"/> does not have <see cref="Leads"/> x <see cref="Samples"/> values.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="targetClass"/> is not a class index.</exception>
    public EcgExplanation Explain(ReadOnlySpan<float> signal, int? targetClass = null)
    {
        RequireSignal(signal);
        return _runner.Explain(signal.ToArray(), targetClass);
    }

    /// <summary>
    /// Classifies and explains one whole record as scoring does: windows of <see cref="Window"/> samples slide over its
    /// <paramref name="length"/> valid samples, the class probabilities are their mean, and the profile of the predicted
    /// class covers the record (zero over the padding), its focus measured on that profile.
    /// </summary>
    /// <param name="signal">Leads x <see cref="Samples"/> values, lead-major, zero-padded after <paramref name="length"/>.</param>
    /// <param name="length">Samples per lead that hold the record; null when it fills the signal.</param>
    /// <param name="auxiliaryFeatures">The row's raw auxiliary features when the model takes them (<see cref="AuxiliaryFeatures"/>), else null.</param>
    /// <exception cref="ArgumentException">The signal, length or features do not fit the model.</exception>
    public EcgExplanation ExplainRecord(ReadOnlySpan<float> signal, int? length, ReadOnlySpan<float> auxiliaryFeatures)
    {
        RequireSignal(signal);
        if (length is { } l && (l < 1 || l > Samples))
            throw new ArgumentOutOfRangeException(nameof(length), l, $"The record length must be in [1, {Samples}].");
        if (auxiliaryFeatures.Length != AuxiliaryFeatures)
            throw new ArgumentException($"The model takes {AuxiliaryFeatures} auxiliary features; got {auxiliaryFeatures.Length}.", nameof(auxiliaryFeatures));
        return _runner.Explain(signal.ToArray(), null, length, AuxiliaryFeatures == 0 ? null : auxiliaryFeatures.ToArray());
    }

    private void RequireSignal(ReadOnlySpan<float> signal)
    {
        if (signal.Length != Description.SignalLength)
            throw new ArgumentException(
                $"The model takes {Leads} lead(s) x {Samples} samples = {Description.SignalLength} values, lead-major; got {signal.Length}.",
                nameof(signal));
    }

    /// <summary>Releases the TorchSharp module; the transformer cannot score afterwards.</summary>
    public void Dispose() => _runner.Dispose();

    private ScoringBinding Bind(DataViewSchema inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        return new ScoringBinding(inputSchema, Description, _runner.EmbeddingSize, CheckLeadsAndSamplingRate);
    }
}
