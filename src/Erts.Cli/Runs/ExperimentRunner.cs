using Erts.Cli.Commands;
using Erts.Cli.Reports;
using Erts.MLNet.Data;
using Erts.MLNet.Training;

namespace Erts.Cli.Runs;

/// <summary>Trains, scores, explains, saves and loads models for the commands, through the public ERTS.MLNet API.</summary>
internal static class ExperimentRunner
{
    /// <summary>Fits the ERTS trainer on the training part, validating on the validation part.</summary>
    public static TrainedModel Train(EcgSplits splits, ErtsTrainer.Options options, IProgress<EpochReport>? progress) =>
        throw new NotAvailableException("training (the ERTS trainer)");

    /// <summary>Scores <paramref name="examples"/> with ML.NET's multiclass evaluator.</summary>
    public static ClassificationSummary Evaluate(TrainedModel model, IReadOnlyList<EcgExample> examples) =>
        throw new NotAvailableException("evaluation (the ERTS transformer)");

    /// <summary>Classifies one example and returns its Grad-CAM evidence.</summary>
    public static ExplanationExample Explain(TrainedModel model, EcgExample example) =>
        throw new NotAvailableException("Grad-CAM explanations");

    /// <summary>Writes the model to <paramref name="path"/> atomically (temporary file + rename).</summary>
    public static void Save(TrainedModel model, string path) =>
        throw new NotAvailableException("saving ERTS models");

    /// <summary>Loads a model file written by <see cref="Save"/>.</summary>
    public static TrainedModel Load(string path) =>
        throw new NotAvailableException("loading ERTS models");
}
