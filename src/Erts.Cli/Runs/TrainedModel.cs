using Erts.MLNet.Data.DataViews;
using Erts.MLNet.Training;
using Microsoft.ML;

namespace Erts.Cli.Runs;

/// <summary>A fitted ML.NET model with what is needed to save, score and explain it; owns the native network.</summary>
/// <param name="Context">The ML.NET context the model belongs to.</param>
/// <param name="Model">The fitted pipeline (label mapping + ERTS classifier).</param>
/// <param name="InputSchema">Schema of the data it was fitted on (stored in model files).</param>
/// <param name="Report">The training report; null for a model loaded from a file.</param>
internal sealed record TrainedModel(MLContext Context, ITransformer Model, DataViewSchema InputSchema, TrainingReport? Report) : IDisposable
{
    /// <summary>True when the model was trained on whole records of different lengths (its input has a <c>SignalLength</c> column).</summary>
    public bool TakesWholeRecords => InputSchema.GetColumnOrNull(EcgColumns.SignalLength) != null;

    /// <summary>Releases the TorchSharp module inside the model.</summary>
    public void Dispose() => (Model as IDisposable)?.Dispose();
}
