using Erts.MLNet.Catalog;
using Erts.MLNet.Data;
using Erts.MLNet.Data.Datasets;
using Erts.MLNet.Features;
using Erts.MLNet.Networks;
using Erts.MLNet.Training;
using Erts.Pipelines;
using Microsoft.ML;

namespace Erts.Experiments.Recipe;

/// <summary>PhysioNet/CinC 2017 rhythm (N, A, O, ~) on whole single-lead records, the practical recipe of the field.</summary>
public sealed class Cinc2017Recipe : RecipeDataset
{
    /// <summary>Rate the network sees, Hz.</summary>
    public const int Rate = 100;

    /// <summary>Training window and its inference stride: 10 s and 5 s at <see cref="Rate"/>, as the PyTorch peer.</summary>
    public const int Window = 1000, Stride = 500;

    /// <summary>Epochs of every network run.</summary>
    public const int Epochs = 30;

    /// <inheritdoc />
    public override string Name => "cinc2017";

    /// <inheritdoc />
    public override string FolderName => "cinc2017";

    /// <inheritdoc />
    public override bool HasPeer => true;

    /// <inheritdoc />
    public override IReadOnlyList<string> HeadlineClasses { get; } = ["N", "A", "O"];

    /// <inheritdoc />
    public override string Protocol =>
        "PhysioNet/CinC 2017 (A00001-A02000 in ../shared/data), updated labels N/A/O/~; the loader's stratified 80/10/10 split " +
        "(seed 42: 1,600 / 200 / 200 records; the peer runs on exactly this split through --split). Whole records (9-61 s), " +
        $"zero-padded to the longest with a SignalLength column; hand-made rhythm features (R peaks, RR, HRV: ExtractFeatures(Rhythm)) " +
        $"on the 300 Hz signal, missing ones replaced by the training mean; then 300 -> {Rate} Hz and per-record z-score. " +
        $"Networks: ResNet1d (the peer's network), random {Window / Rate} s windows drawn afresh every epoch, amplitude x U(0.8, 1.2) " +
        $"and noise sd 0.05, AdamW 1e-3 (wd 0.01), 1 warm-up epoch then cosine, batch 64, {Epochs} epochs, class-balanced " +
        $"cross-entropy; validation and test average the softmax over {Window / Rate} s windows with a {Stride / Rate} s stride; the " +
        "epoch with the best validation macro-F1 is kept. Fused: the same network with the hand-made features added before its head.";

    /// <inheritdoc />
    public override RecipeData Prepare(MLContext mlContext, string folder)
    {
        var database = new Cinc2017Database(folder, new Cinc2017Database.Options { Length = null });
        var train = mlContext.Data.LoadEcg(database, DatasetSplit.Train);
        var preprocessing = mlContext.Transforms.Ecg.HandleNonFinite()
            .Append(mlContext.Transforms.Ecg.ExtractFeatures(EcgFeatureSet.Rhythm))
            .Append(mlContext.Transforms.ReplaceMissingValues("Features"))
            .Append(mlContext.Transforms.Ecg.Resample(Rate))
            .Append(mlContext.Transforms.Ecg.NormalizeLeads())
            .Fit(train);
        IDataView Part(DatasetSplit split) => mlContext.Data.Cache(preprocessing.Transform(mlContext.Data.LoadEcg(database, split)));
        var lines = database.Records.Select(r => $"{r.RecordId},{r.Split.ToString().ToLowerInvariant()}").ToList();
        int Count(DatasetSplit split) => database.Records.Count(r => r.Split == split);
        return new RecipeData(Part(DatasetSplit.Train), Part(DatasetSplit.Validation), Part(DatasetSplit.Test), "Features", "Features",
            $"train {Count(DatasetSplit.Train):N0} / validation {Count(DatasetSplit.Validation):N0} / test {Count(DatasetSplit.Test):N0} records, " +
            $"1 lead, whole records up to {database.SignalShape().Samples:N0} samples at 300 Hz", lines);
    }

    /// <inheritdoc />
    public override ErtsTrainer.Options NetworkOptions(string policy, int seed, bool fused, string featuresColumn)
    {
        var options = PracticalOptions(policy, seed, fused, featuresColumn);
        options.BatchSize = 64;
        options.TrainingWindow = Window;
        options.InferenceStride = Stride;
        options.Augmentation = EcgAugmentation.Light;
        return ReferenceSchedule.Apply(options, Epochs);
    }
}
