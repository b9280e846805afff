using Erts.MLNet.Catalog;
using Erts.MLNet.Data;
using Erts.MLNet.Data.Datasets;
using Erts.MLNet.Data.DataViews;
using Erts.MLNet.Features;
using Erts.MLNet.Networks;
using Erts.MLNet.Training;
using Erts.MLNet.Transforms;
using Microsoft.ML;

namespace Erts.Pipelines.FastTreeBaselines;

/// <summary>
/// PhysioNet/CinC 2017 rhythm classes N, A (AF), O (other), ~ (noisy) from single-lead 300 Hz strips, the loader's
/// seeded stratified 80/10/10 split (train on 80 %, test on 10 %; the validation tenth is not used, nothing is
/// tuned). Records are read up to 60 s (the longest is 61 s) and zero-padded, so HRV sees the whole strip.
/// </summary>
internal sealed class Cinc2017RhythmBaseline : IBaselineExperiment
{
    private const int Length = 18_000;
    private const float Rate = 300;
    // The network sees the first 30 s at 100 Hz (most strips are 30 s long).
    private const int NetworkWindow = 9_000;
    private const float NetworkRate = 100;

    public string Dataset => "cinc2017";

    public BaselineData Load(MLContext mlContext, string folder)
    {
        var database = new Cinc2017Database(folder, new Cinc2017Database.Options { Length = Length });
        var leadNames = database.Load(DatasetSplit.Train).First().LeadNames;
        var shape = new EcgSignalShape(1, Length, leadNames, Rate);
        IDataView Strips(DatasetSplit split) => mlContext.Data.LoadEcg(() => database.Load(split), shape);

        var networkInput = HybridBaseline.NetworkInput(mlContext, NetworkWindow, CropMode.Start, NetworkRate);
        var schedule = new ErtsTrainer.Options
        {
            Network = Backbone.SmallCnn1d, Epochs = 15, WarmupEpochs = 3, CamDelayEpochs = 1, RevisionStartEpoch = 12,
            BatchSize = 32, LearningRate = 1e-3,
        };
        var train = Strips(DatasetSplit.Train);
        return new BaselineData("CinC 2017 N/A/O/~, stratified 80/10/10 (test 10 %)", train, Strips(DatasetSplit.Test), train,
            mlContext.Transforms.Ecg.ExtractFeatures(EcgFeatureSet.Rhythm), networkInput, schedule,
            "first 30 s at 100 Hz, 15 epochs erts-dbpd");
    }
}
