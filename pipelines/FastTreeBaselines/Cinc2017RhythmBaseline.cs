using Erts.MLNet.Catalog;
using Erts.MLNet.Data;
using Erts.MLNet.Data.Datasets;
using Erts.MLNet.Data.DataViews;
using Erts.MLNet.Features;
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

    public string Dataset => "cinc2017";

    public BaselineResult Run(string folder, int threads)
    {
        var mlContext = new MLContext(seed: 1);
        var database = new Cinc2017Database(folder, new Cinc2017Database.Options { Length = Length });
        var leadNames = database.Load(DatasetSplit.Train).First().LeadNames;
        var shape = new EcgSignalShape(1, Length, leadNames, Rate);
        IDataView Strips(DatasetSplit split) => mlContext.Data.LoadEcg(() => database.Load(split), shape);

        var features = mlContext.Transforms.Ecg.ExtractFeatures(EcgFeatureSet.Rhythm);
        var train = FastTreeBaseline.Materialize(mlContext, features, Strips(DatasetSplit.Train));
        var test = FastTreeBaseline.Materialize(mlContext, features, Strips(DatasetSplit.Test));
        return FastTreeBaseline.TrainAndEvaluate(mlContext, "CinC 2017 N/A/O/~, stratified 80/10/10 (test 10 %)", train, test, threads);
    }
}
