using Erts.MLNet.Training;
using Erts.MLNet.Explainability;
using Erts.MLNet.Networks;

namespace Erts.MLNet.Model;

/// <summary>
/// Everything besides the weights that a trained ERTS model needs to rebuild its network and its columns; this is
/// what the model file stores next to the TorchSharp state dict.
/// </summary>
/// <param name="Network">The backbone, rebuilt through <see cref="NetworkFactory"/> on load.</param>
/// <param name="Leads">Input leads.</param>
/// <param name="Samples">Samples per lead.</param>
/// <param name="ClassNames">Class names; index = 0-based class = predicted key - 1.</param>
/// <param name="SignalColumnName">Input signal column.</param>
/// <param name="ScoreColumnName">Output probabilities column.</param>
/// <param name="PredictedLabelColumnName">Output key column.</param>
/// <param name="ExplanationColumnName">Output Grad-CAM column, or null for none.</param>
/// <param name="EmbeddingColumnName">Output column of the network's embedding, or null for none.</param>
/// <param name="FocusResolution">Where training measured focus; explanations report focus the same way.</param>
internal sealed record ModelDescription(
    Backbone Network,
    int Leads,
    int Samples,
    IReadOnlyList<string> ClassNames,
    string SignalColumnName,
    string ScoreColumnName,
    string PredictedLabelColumnName,
    string? ExplanationColumnName,
    string? EmbeddingColumnName = null,
    FocusResolution FocusResolution = FocusResolution.ExplainedLayer)
{
    /// <summary>Samples per lead of the network's input; shorter than <see cref="Samples"/> when records are scored by sliding windows.</summary>
    public int Window { get; init; } = Samples;

    /// <summary>Step between the sliding windows, in samples (used when <see cref="Window"/> is shorter than a record).</summary>
    public int Stride { get; init; } = Samples;

    /// <summary>The record-length column the model was trained with (whole records, zero-padded), or null; read when the scored view has it.</summary>
    public string? SignalLengthColumnName { get; init; }

    /// <summary>The auxiliary-feature column fused into the network, or null for none.</summary>
    public string? AuxiliaryColumnName { get; init; }

    /// <summary>Standardisation of the auxiliary features (training statistics), or null without them.</summary>
    public AuxiliaryScaling? AuxiliaryScaling { get; init; }

    /// <summary>Auxiliary values per row (0 without them).</summary>
    public int AuxiliarySize => AuxiliaryScaling?.Size ?? 0;

    /// <summary>
    /// The names of the leads the model was trained on, in order (the signal column's <c>LeadNames</c> annotation),
    /// or null when the training data did not name them or the model was saved before they were stored.
    /// </summary>
    public IReadOnlyList<string>? LeadNames { get; init; }

    /// <summary>
    /// The sampling rate (Hz) of the signals the model was trained on (the signal column's <c>SamplingRate</c>
    /// annotation), or null when the training data did not state it or the model was saved before it was stored.
    /// </summary>
    public float? SamplingRate { get; init; }

    /// <summary>Number of classes.</summary>
    public int Classes => ClassNames.Count;

    /// <summary>Values per input signal (leads x samples).</summary>
    public int SignalLength => Leads * Samples;
}
