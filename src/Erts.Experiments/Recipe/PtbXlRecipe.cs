using Erts.Experiments.Datasets;
using Erts.MLNet.Catalog;
using Erts.MLNet.Data;
using Erts.MLNet.Data.Datasets;
using Erts.MLNet.Features;
using Erts.MLNet.Networks;
using Erts.MLNet.Training;
using Erts.Pipelines;
using Microsoft.ML;

namespace Erts.Experiments.Recipe;

/// <summary>PTB-XL diagnostic superclasses on the shared subset, the grid's split and input.</summary>
public sealed class PtbXlRecipe : RecipeDataset
{
    /// <summary>Epochs of every network run.</summary>
    public const int Epochs = 40;

    private readonly PtbXlSuperclasses _grid = new();

    /// <inheritdoc />
    public override string Name => "ptbxl";

    /// <inheritdoc />
    public override string FolderName => "ptbxl";

    /// <inheritdoc />
    public override IReadOnlyList<string> HeadlineClasses => PtbXlDatabase.Superclasses;

    /// <inheritdoc />
    public override bool HasSignalOnlyNetwork => true;

    /// <inheritdoc />
    public override string Protocol =>
        _grid.Protocol + " FastTree: the hand-made rhythm features (ExtractFeatures(Rhythm) on lead II of the z-scored record, missing values " +
        "replaced by the training mean). Networks: ResNet1d, random 5 s windows " +
        $"drawn every epoch (scored by 5 s windows with a 1 s stride), amplitude x U(0.8, 1.2) and noise sd 0.05, AdamW 1e-3, " +
        $"1 warm-up epoch then cosine, batch 32, {Epochs} epochs, class-balanced cross-entropy.";

    /// <inheritdoc />
    public override RecipeData Prepare(MLContext mlContext, string folder)
    {
        var prepared = _grid.Prepare(mlContext, folder, quick: false);
        var features = mlContext.Transforms.Ecg.ExtractFeatures(EcgFeatureSet.Rhythm, leadName: "II")
            .Append(mlContext.Transforms.ReplaceMissingValues("Features"));
        var fitted = features.Fit(mlContext.Data.LoadEcg(prepared.Train));
        IDataView Part(IReadOnlyList<EcgExample> examples) => mlContext.Data.Cache(fitted.Transform(mlContext.Data.LoadEcg(examples)));
        return new RecipeData(Part(prepared.Train), Part(prepared.Validation), Part(prepared.Test), "Features", "Features", prepared.Describe(), null);
    }

    /// <inheritdoc />
    public override ErtsTrainer.Options NetworkOptions(string policy, int seed, bool fused, string featuresColumn)
    {
        var options = PracticalOptions(policy, seed, fused, featuresColumn);
        options.BatchSize = 32;
        options.TrainingWindow = 500;
        options.InferenceStride = 100;
        options.Augmentation = EcgAugmentation.Light;
        return ReferenceSchedule.Apply(options, Epochs);
    }
}
