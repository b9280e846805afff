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
    /// <summary>Releases the TorchSharp module inside the model.</summary>
    public void Dispose() => (Model as IDisposable)?.Dispose();
}
