using Erts.MLNet.Networks;
using Erts.MLNet.Training;
using Microsoft.ML;

namespace Erts.Experiments.Recipe;

/// <summary>
/// A dataset of the recipe benchmark: how it is loaded, split and preprocessed, which classes its headline score
/// averages, and the trainer options of its network (the best recipe measured, chosen on validation data only).
/// </summary>
public abstract class RecipeDataset
{
    /// <summary>Benchmark name, e.g. "cinc2017".</summary>
    public abstract string Name { get; }

    /// <summary>Folder under the data root.</summary>
    public abstract string FolderName { get; }

    /// <summary>One paragraph for docs/results.md: task, split, input, preprocessing, subsampling.</summary>
    public abstract string Protocol { get; }

    /// <summary>The classes whose mean F1 is the headline (e.g. N, A, O for CinC 2017: the challenge's score).</summary>
    public abstract IReadOnlyList<string> HeadlineClasses { get; }

    /// <summary>The headline's name, e.g. "F1(N,A,O)".</summary>
    public string HeadlineName => $"F1({string.Join(",", HeadlineClasses)})";

    /// <summary>Loads, splits, preprocesses and caches the data.</summary>
    public abstract RecipeData Prepare(MLContext mlContext, string folder);

    /// <summary>The network's trainer options for <paramref name="policy"/> and <paramref name="seed"/>; <paramref name="fused"/> adds the feature column before the head.</summary>
    public abstract ErtsTrainer.Options NetworkOptions(string policy, int seed, bool fused, string featuresColumn);

    /// <summary>
    /// What every dataset's network shares: ResNet1d, AdamW 1e-3 with weight decay 0.01, one epoch of linear warm-up then
    /// cosine, class-balanced cross-entropy (the default), the features fused when asked.
    /// </summary>
    protected static ErtsTrainer.Options PracticalOptions(string policy, int seed, bool fused, string featuresColumn) => new()
    {
        Network = Backbone.ResNet1d,
        SelectionPolicy = policy,
        LearningRate = 1e-3,
        WeightDecay = 0.01,
        LearningRateSchedule = LearningRateSchedule.WarmupCosine,
        LearningRateWarmupEpochs = 1,
        AuxiliaryFeaturesColumnName = fused ? featuresColumn : null,
        Seed = seed,
    };

    /// <summary>Whether the PyTorch peer (cinc2017_recipe_torch.py) trains on this dataset.</summary>
    public virtual bool HasPeer => false;

    /// <summary>Whether the network without the feature column is part of the benchmark (the fused model always is).</summary>
    public virtual bool HasSignalOnlyNetwork => true;
}
