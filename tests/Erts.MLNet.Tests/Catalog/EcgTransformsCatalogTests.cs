using Erts.MLNet.Catalog;
using Erts.MLNet.Data;
using Erts.MLNet.Data.Datasets;
using Erts.MLNet.Data.DataViews;
using Erts.MLNet.Tests.Infrastructure;
using Erts.MLNet.Tests.Transforms;
using Erts.MLNet.Transforms;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace Erts.MLNet.Tests.Catalog;

public class EcgTransformsCatalogTests
{
    private sealed class Prediction
    {
        public string PredictedClass { get; set; } = "";
        public float[] Score { get; set; } = [];
    }

    private static IEstimator<ITransformer> Pipeline(MLContext mlContext) =>
        mlContext.Transforms.Ecg.HandleNonFinite()
            .Append(mlContext.Transforms.Ecg.SelectLeads(["II", "V1"]))
            .Append(mlContext.Transforms.Ecg.BandPass(0.5, 40))
            .Append(mlContext.Transforms.Ecg.Notch(50))
            .Append(mlContext.Transforms.Ecg.Resample(250))
            .Append(mlContext.Transforms.Ecg.CropOrPad(400, CropMode.Center))
            .Append(mlContext.Transforms.Ecg.NormalizeLeads(LeadNormalizationScope.Dataset))
            .Append(mlContext.Transforms.Concatenate("Features", "Signal"))
            .Append(mlContext.Transforms.Conversion.MapValueToKey("Label"))
            .AppendCacheCheckpoint(mlContext)
            .Append(mlContext.MulticlassClassification.Trainers.SdcaMaximumEntropy(
                new SdcaMaximumEntropyMulticlassTrainer.Options { NumberOfThreads = 1, MaximumNumberOfIterations = 30 }))
            .Append(mlContext.Transforms.Conversion.MapKeyToValue("PredictedClass", "PredictedLabel"));

    // Fits the pipeline on 24 synthetic rows, saves it, and loads it into a fresh MLContext as a user would.
    private static (IDataView Data, ITransformer Model, MLContext Fresh, ITransformer Loaded, DataViewSchema InputSchema) FitSaveAndLoad()
    {
        var mlContext = new MLContext(seed: 1);
        var data = EcgTestData.Synthetic(mlContext, rows: 24);
        var model = Pipeline(mlContext).Fit(data);
        using var stream = new MemoryStream();
        mlContext.Model.Save(model, data.Schema, stream);
        stream.Position = 0;

        var fresh = new MLContext(seed: 2);
        fresh.ComponentCatalog.RegisterErtsComponents();
        var loaded = fresh.Model.Load(stream, out var inputSchema);
        return (data, model, fresh, loaded, inputSchema);
    }

    [Fact]
    public void ModelLoad_GivesIdenticalOutputs_AfterSaveWithTransformsAndTrainer()
    {
        var (data, model, fresh, loaded, inputSchema) = FitSaveAndLoad();

        var before = model.Transform(data);
        var after = loaded.Transform(data);

        Assert.Equal(data.Schema.Select(c => c.Name), inputSchema.Select(c => c.Name));
        Assert.Equal(EcgTestData.Signals(before), EcgTestData.Signals(after));
        Assert.Equal(EcgTestData.Signals(before, "Score"), EcgTestData.Signals(after, "Score"));
        Assert.Equal((2, 400, 250f, "II,V1"), EcgTestData.Shape(after.Schema));
        var metrics = fresh.MulticlassClassification.Evaluate(after);
        Assert.True(metrics.MacroAccuracy > 0.9, $"macro accuracy {metrics.MacroAccuracy}");
    }

    [Fact]
    public void PredictionEngine_PredictsSingleRows_ThroughLoadedModel()
    {
        var (data, model, fresh, loaded, _) = FitSaveAndLoad();
        var definition = EcgTestData.Definition(3, 720, 360, EcgTestData.ThreeLeads);
        using var engine = fresh.Model.CreatePredictionEngine<EcgTestData.Row, Prediction>(loaded, inputSchemaDefinition: definition);
        var row = fresh.Data.CreateEnumerable<EcgTestData.Row>(data, reuseRowObject: false).ToArray()[3];

        var prediction = engine.Predict(row);

        Assert.Equal(row.Label, prediction.PredictedClass);
        Assert.Equal(EcgTestData.Signals(model.Transform(data), "Score")[3], prediction.Score);
    }

    [Fact]
    public void Fit_ThrowsBeforeTraining_WhenSignalIsVariableLength()
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable([new EcgTestData.Row { Signal = new float[10], Label = "a" }]);

        var error = Assert.Throws<SignalColumnException>(() => Pipeline(mlContext).Fit(data));
        Assert.Contains("known-size vector of Single", error.Message);
    }

    [SkippableFact]
    public void Pipeline_GivesEachWholeCincRecordWhatItGivesAlone()
    {
        var database = new Cinc2017Database(RepositoryPaths.RequireDataset("cinc2017"), new Cinc2017Database.Options { Length = null });
        var mlContext = new MLContext(seed: 1);
        var records = database.Load(DatasetSplit.Validation).Take(6).ToList();
        var view = EcgDataView.Create(() => records, database.SignalShape());
        var pipeline = mlContext.Transforms.Ecg.BandPass(0.5, 40)
            .Append(mlContext.Transforms.Ecg.Notch(50))
            .Append(mlContext.Transforms.Ecg.Resample(250))
            .Append(mlContext.Transforms.Ecg.NormalizeLeads());

        var output = pipeline.Fit(view).Transform(view).ToEcgExamples();

        Assert.True(records.Select(r => r.Length).Distinct().Count() > 1, "the records should differ in length");
        for (int row = 0; row < records.Count; row++)
        {
            var alone = mlContext.Data.LoadEcg([records[row]]);
            var expected = pipeline.Fit(alone).Transform(alone).ToEcgExamples().Single();
            Assert.Equal(expected.Length, output[row].Length);   // ceil(L * 250 / 300)
            Assert.Equal(250f, output[row].SamplingRate);
            for (int i = 0; i < expected.Signal.Length; i++)
                Assert.True(Math.Abs(expected.Signal[i] - output[row].Signal[i]) <= 1e-5f, $"row {row}, sample {i}");
        }
    }
}
