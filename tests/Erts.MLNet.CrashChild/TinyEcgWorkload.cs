using Erts.MLNet.Catalog;
using Erts.MLNet.Data;
using Erts.MLNet.Data.Synthetic;
using Erts.MLNet.Networks;
using Erts.MLNet.Training;
using Microsoft.ML;
using Microsoft.ML.Transforms;

namespace Erts.MLNet.CrashChild;

/// <summary>
/// The data and trainer options the child and the killing test share: 25 synthetic two-lead ECGs of two seconds at 125 Hz,
/// small enough to fit in a second, with a ResNet1d whose model file (about 6 MB) takes long enough to write that
/// a kill often lands in the middle of a save.
/// </summary>
public static class TinyEcgWorkload
{
    /// <summary>The synthetic set: 5 classes x 5 examples, leads I and II, 250 samples each (2 s at 125 Hz), seeded.</summary>
    public static SyntheticEcgOptions DataOptions() => new()
    {
        DurationSeconds = 2f,
        SamplingRate = 125f,
        LeadNames = ["I", "II"],
        ExamplesPerClass = 5,
        Seed = 11,
    };

    /// <summary>The synthetic set with <c>Label</c> mapped to a key, as the trainer reads it.</summary>
    public static IDataView Data(MLContext mlContext)
    {
        var view = mlContext.Data.LoadSyntheticEcg(DataOptions());
        return mlContext.Transforms.Conversion.MapValueToKey("Label", keyOrdinality: ValueToKeyMappingEstimator.KeyOrdinality.ByValue)
            .Fit(view).Transform(view);
    }

    /// <summary>ResNet1d with the "full" policy on one thread, seeded, writing checkpoints to <paramref name="checkpointDirectory"/> when given.</summary>
    public static ErtsTrainer.Options TrainerOptions(int epochs, string? checkpointDirectory = null) => new()
    {
        Network = Backbone.ResNet1d,
        SelectionPolicy = "full",
        Epochs = epochs,
        BatchSize = 8,
        LearningRate = 1e-3,
        ValidationFraction = 0.2f,
        Threads = 1,
        Seed = 5,
        CheckpointDirectory = checkpointDirectory,
    };
}
