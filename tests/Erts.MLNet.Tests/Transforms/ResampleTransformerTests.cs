using Erts.MLNet.Catalog;
using Erts.MLNet.Data.DataViews;
using Erts.MLNet.Dsp;
using Erts.MLNet.Persistence;
using Erts.MLNet.Tests.Infrastructure;
using Erts.MLNet.Transforms;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Erts.MLNet.Tests.Transforms;

public class ResampleTransformerTests
{
    private readonly MLContext _mlContext = new(seed: 1);

    /// <summary>A single row with the per-row rate column, for a PredictionEngine.</summary>
    private sealed class RatedRow
    {
        public float[] Signal { get; set; } = [];
        public float SamplingRate { get; set; }
    }

    // The pipeline of Fixtures/models/transforms-resample-croporpad.zip.
    private IEstimator<ITransformer> ResampleThenCrop() =>
        _mlContext.Transforms.Ecg.Resample(250).Append(_mlContext.Transforms.Ecg.CropOrPad(400));

    [Fact]
    public void Transform_ChangesLengthAndRate_From360To250()
    {
        var data = EcgTestData.Synthetic(_mlContext, rows: 2, length: 720);

        var output = _mlContext.Transforms.Ecg.Resample(250).Fit(data).Transform(data);

        Assert.Equal((3, 500, 250f, EcgTestData.ThreeLeadNames), EcgTestData.Shape(output.Schema));
        var input = EcgTestData.Signals(data)[1];
        var expected = new float[500];
        new PolyphaseResampler(25, 36).Process(input.AsSpan(720, 720), expected);   // lead II of row 1
        Assert.Equal(expected, EcgTestData.Signals(output)[1][500..1000]);
    }

    [Fact]
    public void GetOutputSchema_Throws_WhenSamplingRateAnnotationIsMissing()
    {
        var data = EcgTestData.Ramp(_mlContext, 2, 100, samplingRate: null);

        var error = Assert.Throws<SignalColumnException>(() => _mlContext.Transforms.Ecg.Resample(250).Fit(data));
        Assert.Contains("SamplingRate", error.Message);
        Assert.Equal("Signal", error.ColumnName);
    }

    [Fact]
    public void GetOutputSchema_Throws_WhenColumnIsNotTwoDimensional()
    {
        var rows = new[] { new EcgTestData.Row { Signal = new float[200] } };
        var definition = Microsoft.ML.Data.SchemaDefinition.Create(typeof(EcgTestData.Row));
        definition["Signal"].ColumnType = new Microsoft.ML.Data.VectorDataViewType(Microsoft.ML.Data.NumberDataViewType.Single, 200);
        var data = _mlContext.Data.LoadFromEnumerable(rows, definition);

        var error = Assert.Throws<SignalColumnException>(() => _mlContext.Transforms.Ecg.Resample(250).Fit(data));
        Assert.Contains("two dimensions (leads, samples)", error.Message);
    }

    [Fact]
    public void GetOutputSchema_Throws_WhenColumnIsMissing()
    {
        var data = EcgTestData.Ramp(_mlContext, 2, 100);

        var error = Assert.Throws<SignalColumnException>(() => _mlContext.Transforms.Ecg.Resample(250, inputColumnName: "Ecg").Fit(data));
        Assert.Contains("'Ecg' not found", error.Message);
    }

    [Fact]
    public void Transform_ReplacesRowSamplingRateColumn_WhenResampledInPlace()
    {
        var data = EcgTestData.DatasetView(_mlContext, rows: 2);

        var output = _mlContext.Transforms.Ecg.Resample(250).Fit(data).Transform(data);

        var visible = output.Schema.Where(c => !c.IsHidden && c.Name == EcgColumns.SamplingRate).ToArray();
        Assert.Equal(NumberDataViewType.Single, Assert.Single(visible).Type);
        Assert.Equal([250f, 250f], output.GetColumn<float>(EcgColumns.SamplingRate));
        Assert.All(output.ToEcgExamples(), example => Assert.Equal((250f, 500), (example.SamplingRate, example.Length)));
    }

    [Fact]
    public void Transform_KeepsRowSamplingRateColumn_WhenWrittenBesideInput()
    {
        var data = EcgTestData.DatasetView(_mlContext, rows: 2);

        var output = _mlContext.Transforms.Ecg.Resample(250, outputColumnName: "Signal250", inputColumnName: "Signal").Fit(data).Transform(data);

        Assert.Equal([360f, 360f], output.GetColumn<float>(EcgColumns.SamplingRate));
        Assert.Equal((3, 720, 360f, EcgTestData.ThreeLeadNames), EcgTestData.Shape(output.Schema));
        Assert.Equal((3, 500, 250f, EcgTestData.ThreeLeadNames), EcgTestData.Shape(output.Schema, "Signal250"));
    }

    [Fact]
    public void Transform_AddsNoRowSamplingRateColumn_WhenInputHasNone()
    {
        var data = EcgTestData.Synthetic(_mlContext, rows: 2);

        var output = _mlContext.Transforms.Ecg.Resample(250).Fit(data).Transform(data);

        Assert.Null(output.Schema.GetColumnOrNull(EcgColumns.SamplingRate));
        Assert.Equal((3, 500, 250f, EcgTestData.ThreeLeadNames), EcgTestData.Shape(output.Schema));
    }

    [Fact]
    public void GetOutputSchema_AgreesWithTransformedSchema_OnRowSamplingRateColumn()
    {
        var data = EcgTestData.DatasetView(_mlContext, rows: 1);
        var estimator = _mlContext.Transforms.Ecg.Resample(250);

        var shape = estimator.GetOutputSchema(MlNetBridge.Shape(data.Schema));
        var schema = estimator.Fit(data).GetOutputSchema(data.Schema);

        var rate = Assert.Single(shape, c => c.Name == EcgColumns.SamplingRate);
        Assert.Equal((SchemaShape.Column.VectorKind.Scalar, schema[EcgColumns.SamplingRate].Type), (rate.Kind, (DataViewType)rate.ItemType));
        Assert.Equal(shape.Select(c => c.Name).Order(), schema.Where(c => !c.IsHidden).Select(c => c.Name).Order());
    }

    [Fact]
    public void ModelLoad_KeepsRowSamplingRateReplacement_AfterSaveAndLoad()
    {
        var data = EcgTestData.DatasetView(_mlContext, rows: 2);
        var model = ResampleThenCrop().Fit(data);
        using var stream = new MemoryStream();
        _mlContext.Model.Save(model, data.Schema, stream);
        stream.Position = 0;
        var fresh = new MLContext(seed: 2);
        fresh.ComponentCatalog.RegisterErtsComponents();

        var output = fresh.Model.Load(stream, out _).Transform(data);

        Assert.Equal([250f, 250f], output.GetColumn<float>(EcgColumns.SamplingRate));
        Assert.Equal(EcgTestData.Signals(model.Transform(data)), EcgTestData.Signals(output));
    }

    [Fact]
    public void PredictionEngine_GivesTargetRowSamplingRate_WhenResampledInPlace()
    {
        var definition = EcgTestData.Definition<RatedRow>(leads: 1, length: 720, samplingRate: 360, leadNames: ["II"]);
        var data = _mlContext.Data.LoadFromEnumerable(Array.Empty<RatedRow>(), definition);
        var model = _mlContext.Transforms.Ecg.Resample(250).Fit(data);
        using var engine = _mlContext.Model.CreatePredictionEngine<RatedRow, RatedRow>(model, inputSchemaDefinition: definition);

        var resampled = engine.Predict(new RatedRow { Signal = new float[720], SamplingRate = 360 });

        Assert.Equal((250f, 500), (resampled.SamplingRate, resampled.Signal.Length));
    }

    [Fact]
    public void ModelLoad_ReplacesRowSamplingRate_WithModelSavedBeforeReplacementExisted()
    {
        // Saved by commit cbace43 (see Fixtures/models/README.md); the persisted format did not change.
        string path = Path.Combine(RepositoryPaths.Root, "tests", "Erts.MLNet.Tests", "Fixtures", "models", "transforms-resample-croporpad.zip");
        var data = EcgTestData.DatasetView(_mlContext, rows: 2);
        _mlContext.ComponentCatalog.RegisterErtsComponents();

        var output = _mlContext.Model.Load(path, out _).Transform(data);

        var current = ResampleThenCrop().Fit(data).Transform(data);
        Assert.Equal([250f, 250f], output.GetColumn<float>(EcgColumns.SamplingRate));
        Assert.Equal(EcgTestData.Signals(current), EcgTestData.Signals(output));
    }

    [Fact]
    public void Transform_ReplacesSignalLengthPerRow_WhenResampledInPlace()
    {
        var view = EcgDataView.FromList(EcgTestData.Records(_mlContext, 720, 500, 613));

        var output = _mlContext.Transforms.Ecg.Resample(250).Fit(view).Transform(view);

        var resampler = new PolyphaseResampler(25, 36);
        Assert.Equal([500, resampler.OutputLength(500), resampler.OutputLength(613)], EcgTestData.Lengths(output));
        Assert.Equal([500, 348, 426], EcgTestData.Lengths(output));
        var visible = output.Schema.Where(c => !c.IsHidden && c.Name == EcgColumns.SignalLength).ToArray();
        Assert.Equal(NumberDataViewType.Int32, Assert.Single(visible).Type);
        Assert.Equal([500, 348, 426], output.ToEcgExamples().Select(e => e.Length));
    }

    [Fact]
    public void ModelLoad_GivesIdenticalSignalsAndLengths_AfterSaveAndLoadOfAWholeRecordPipeline()
    {
        var view = EcgDataView.FromList(EcgTestData.Records(_mlContext, 720, 500, 613, 400));
        var model = _mlContext.Transforms.Ecg.BandPass()
            .Append(_mlContext.Transforms.Ecg.Resample(250))
            .Append(_mlContext.Transforms.Ecg.CropOrPad(400))
            .Append(_mlContext.Transforms.Ecg.NormalizeLeads(LeadNormalizationScope.Dataset))
            .Fit(view);
        using var stream = new MemoryStream();
        _mlContext.Model.Save(model, view.Schema, stream);
        stream.Position = 0;
        var fresh = new MLContext(seed: 2);
        fresh.ComponentCatalog.RegisterErtsComponents();

        var loaded = fresh.Model.Load(stream, out var inputSchema);
        var output = loaded.Transform(view);

        Assert.Equal(view.Schema.Select(c => c.Name), inputSchema.Select(c => c.Name));
        Assert.Equal([400, 348, 400, 278], EcgTestData.Lengths(output));
        Assert.Equal(EcgTestData.Lengths(model.Transform(view)), EcgTestData.Lengths(output));
        Assert.Equal(EcgTestData.Signals(model.Transform(view)), EcgTestData.Signals(output));
    }

    [Fact]
    public void ModelLoad_ReplacesSignalLength_WithModelSavedBeforeWholeRecordsExisted()
    {
        // Resample(250) then CropOrPad(400), saved by commit cbace43 (Fixtures/models/README.md); a view of whole records
        // of 720, 500 and 300 samples at 360 Hz gives 500, 348 and 209 at 250 Hz, then at most 400.
        string path = Path.Combine(RepositoryPaths.Root, "tests", "Erts.MLNet.Tests", "Fixtures", "models", "transforms-resample-croporpad.zip");
        var view = EcgDataView.FromList(EcgTestData.Records(_mlContext, 720, 500, 300));
        _mlContext.ComponentCatalog.RegisterErtsComponents();

        var output = _mlContext.Model.Load(path, out _).Transform(view);

        Assert.Equal([400, 348, 209], EcgTestData.Lengths(output));
        Assert.Equal(EcgTestData.Signals(ResampleThenCrop().Fit(view).Transform(view)), EcgTestData.Signals(output));
    }
}
