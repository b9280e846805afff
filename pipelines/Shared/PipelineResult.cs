using System.Text.Json;
using Erts.MLNet.Training;
using Microsoft.ML;

namespace Erts.Pipelines;

/// <summary>A trained and evaluated pipeline.</summary>
/// <param name="Model">The whole model: preprocessing, label keys and the ERTS classifier.</param>
/// <param name="Classifier">The ERTS classifier in it (class names, training report, <c>Explain</c>).</param>
/// <param name="Test">Metrics on the test data.</param>
/// <param name="FitSeconds">Wall-clock seconds of the trainer's <c>Fit</c>.</param>
public sealed record PipelineResult(ITransformer Model, ErtsTransformer Classifier, EvaluationSummary Test, double FitSeconds) : IDisposable
{
    /// <summary>Writes the per-epoch training report (phases, kept samples, seconds, validation macro-F1) as JSON.</summary>
    /// <param name="path">Target file, replaced if it exists.</param>
    public void WriteTrainingJson(string path) =>
        File.WriteAllText(path, JsonSerializer.Serialize(new
        {
            Classifier.Report?.Policy,
            Network = Classifier.Network.ToString(),
            Classifier.Report?.EffectiveEpochs,
            Classifier.Report?.BestEpoch,
            FitSeconds,
            Classifier.Report?.Epochs,
        }, new JsonSerializerOptions { WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals }));

    /// <summary>Releases the classifier's native network.</summary>
    public void Dispose() => Classifier.Dispose();
}
