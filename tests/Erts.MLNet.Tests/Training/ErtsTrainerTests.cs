using Erts.MLNet.Catalog;
using Erts.MLNet.Explainability;
using Erts.MLNet.Networks;
using Erts.MLNet.Persistence;
using Erts.MLNet.Training;
using Erts.MLNet.Transforms;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;

namespace Erts.MLNet.Tests.Training;

public class ErtsTrainerTests
{
    private readonly MLContext _mlContext = new(seed: 1);

    /// <summary>Small and quick: the tests check the ML.NET surface, not accuracy.</summary>
    private static ErtsTrainer.Options QuickOptions(string? explanationColumn = null) => new()
    {
        Network = Backbone.SmallCnn1d,
        SelectionPolicy = "full",
        Epochs = 3,
        WarmupEpochs = 1,
        BatchSize = 16,
        LearningRate = 3e-3,
        ExplanationColumnName = explanationColumn,
    };

    [Fact]
    public void GetOutputSchema_AddsScoreAndPredictedLabelShapes_ThatMapKeyToValueAccepts()
    {
        var input = ErtsTrainerTestRows.View(_mlContext, count: 3);
        var pipeline = _mlContext.Transforms.Conversion.MapValueToKey("Label")
            .Append(_mlContext.MulticlassClassification.Trainers.Erts(QuickOptions("Explanation")))
            .Append(_mlContext.Transforms.Conversion.MapKeyToValue("PredictedClass", "PredictedLabel"));

        var shape = pipeline.GetOutputSchema(MlNetBridge.Shape(input.Schema));

        var score = shape.Single(c => c.Name == "Score");
        Assert.Equal((SchemaShape.Column.VectorKind.Vector, NumberDataViewType.Single, false), (score.Kind, score.ItemType, score.IsKey));
        Assert.Equal(["SlotNames", "TrainingLabelValues", "ScoreColumnSetId", "ScoreColumnKind", "ScoreValueKind"], score.Annotations.Select(a => a.Name));
        var predicted = shape.Single(c => c.Name == "PredictedLabel");
        Assert.Equal((SchemaShape.Column.VectorKind.Scalar, NumberDataViewType.UInt32, true), (predicted.Kind, predicted.ItemType, predicted.IsKey));
        Assert.Contains(predicted.Annotations, a => a.Name == "KeyValues");
        Assert.Equal(SchemaShape.Column.VectorKind.Vector, shape.Single(c => c.Name == "Explanation").Kind);
        Assert.Equal(TextDataViewType.Instance, shape.Single(c => c.Name == "PredictedClass").ItemType);
    }

    [Fact]
    public void GetOutputSchema_AddsTheEmbeddingShape_WithSlotNames_WhenAsked()
    {
        var input = ErtsTrainerTestRows.View(_mlContext, count: 3);
        var options = QuickOptions();
        options.EmbeddingColumnName = "Embedding";
        var pipeline = _mlContext.Transforms.Conversion.MapValueToKey("Label").Append(_mlContext.MulticlassClassification.Trainers.Erts(options));

        var shape = pipeline.GetOutputSchema(MlNetBridge.Shape(input.Schema));

        var embedding = shape.Single(c => c.Name == "Embedding");
        Assert.Equal((SchemaShape.Column.VectorKind.Vector, NumberDataViewType.Single, false), (embedding.Kind, embedding.ItemType, embedding.IsKey));
        Assert.Equal(["SlotNames"], embedding.Annotations.Select(a => a.Name));
    }

    [Fact]
    public void Erts_Throws_WhenTheEmbeddingColumnReusesAnOutputName()
    {
        var options = QuickOptions();
        options.EmbeddingColumnName = "Score";

        var error = Assert.Throws<ArgumentException>(() => _mlContext.MulticlassClassification.Trainers.Erts(options));
        Assert.Contains("distinct names", error.Message);
    }

    [Fact]
    public void GetOutputSchema_Throws_WhenTheLabelIsNotAKey()
    {
        var input = ErtsTrainerTestRows.View(_mlContext, count: 3);
        var trainer = _mlContext.MulticlassClassification.Trainers.Erts(QuickOptions());

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => trainer.GetOutputSchema(MlNetBridge.Shape(input.Schema)));
        Assert.Contains("label column 'Label'", error.Message);
        Assert.Contains("MapValueToKey(\"Label\")", error.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => trainer.Fit(input));
    }

    [Fact]
    public void GetOutputSchema_Throws_WhenTheSignalHasVariableSize()
    {
        var input = ErtsTrainerTestRows.View(_mlContext, ErtsTrainerTestRows.Rows(count: 3), new VectorDataViewType(NumberDataViewType.Single));
        var keyed = ErtsTrainerTestRows.Keyed(_mlContext, input);
        var trainer = _mlContext.MulticlassClassification.Trainers.Erts(QuickOptions());

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => trainer.GetOutputSchema(MlNetBridge.Shape(keyed.Schema)));
        Assert.Contains("signal column 'Signal'", error.Message);
        Assert.Contains("variable size", error.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => trainer.Fit(keyed));
    }

    [Fact]
    public void GetOutputSchema_Throws_WhenTheSignalIsNotSingle()
    {
        var rows = Enumerable.Range(0, 3).Select(i => new { Label = i.ToString(), Signal = new double[] { 1, 2, 3, 4 } });
        var keyed = ErtsTrainerTestRows.Keyed(_mlContext, _mlContext.Data.LoadFromEnumerable(rows.Select(r => new DoubleRow { Label = r.Label, Signal = r.Signal })));
        var trainer = _mlContext.MulticlassClassification.Trainers.Erts(QuickOptions());

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => trainer.GetOutputSchema(MlNetBridge.Shape(keyed.Schema)));
        Assert.Contains("expected a known-size vector of Single", error.Message);
        Assert.Contains("Double", error.Message);
    }

    [Fact]
    public void GetOutputSchema_Throws_WhenTheSignalColumnIsMissing()
    {
        var input = ErtsTrainerTestRows.Keyed(_mlContext, ErtsTrainerTestRows.View(_mlContext, count: 3));
        var trainer = _mlContext.MulticlassClassification.Trainers.Erts(new ErtsTrainer.Options { SignalColumnName = "Ecg" });

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => trainer.GetOutputSchema(MlNetBridge.Shape(input.Schema)));
        Assert.Contains("signal column 'Ecg' was not found", error.Message);
        Assert.Contains("Signal", error.Message);
    }

    [Theory]
    [InlineData(nameof(ErtsTrainer.Options.ValidationFraction))]
    [InlineData(nameof(ErtsTrainer.Options.Leads))]
    [InlineData(nameof(ErtsTrainer.Options.ScoreColumnName))]
    [InlineData(nameof(ErtsTrainer.Options.SelectionPolicy))]
    [InlineData(nameof(ErtsTrainer.Options.FocusResolution))]
    public void Erts_Throws_WhenAnOptionIsOutOfRange(string option)
    {
        var options = option switch
        {
            nameof(ErtsTrainer.Options.ValidationFraction) => new ErtsTrainer.Options { ValidationFraction = 0.9f },
            nameof(ErtsTrainer.Options.Leads) => new ErtsTrainer.Options { Leads = 0 },
            nameof(ErtsTrainer.Options.SelectionPolicy) => new ErtsTrainer.Options { SelectionPolicy = "random" },
            nameof(ErtsTrainer.Options.FocusResolution) => new ErtsTrainer.Options { FocusResolution = (FocusResolution)7 },
            _ => new ErtsTrainer.Options { ScoreColumnName = "" },
        };
        var error = Assert.ThrowsAny<ArgumentException>(() => _mlContext.MulticlassClassification.Trainers.Erts(options));
        Assert.Equal(option, error.ParamName);
    }

    [Theory]
    [InlineData(FocusResolution.ExplainedLayer, true)]
    [InlineData(FocusResolution.Input, false)]
    public void Fit_WarnsThatFocusIsConstant_OnlyWhenScoredOnAnExplainedLayerUnderTwentyPositions(FocusResolution resolution, bool warns)
    {
        // ResNet1d explains 128 samples at 4 positions: the focus score's top tenth is the maximum, always 1.
        var data = ErtsTrainerTestRows.Keyed(_mlContext, ErtsTrainerTestRows.View(_mlContext, count: 12));
        var warnings = new List<string>();
        _mlContext.Log += (_, e) => { if (e.Kind == ChannelMessageKind.Warning) lock (warnings) warnings.Add(e.Message); };
        var options = QuickOptions();
        options.Network = Backbone.ResNet1d;
        options.SelectionPolicy = "erts-dbpd";
        options.Epochs = 1;
        options.FocusResolution = resolution;

        using var model = _mlContext.MulticlassClassification.Trainers.Erts(options).Fit(data);

        var constantFocus = warnings.Where(w => w.Contains("focus score is 1 for every non-flat", StringComparison.Ordinal)).ToList();
        Assert.Equal(warns ? 1 : 0, constantFocus.Count);
        if (warns) Assert.Contains("ResNet1d's explained layer has only 4 time positions for 128-sample inputs", constantFocus[0]);
    }

    [Fact]
    public void Fit_TrainsAPipeline_ThatEvaluatesWithClassNames_AndPredictsLikeTransform()
    {
        var data = ErtsTrainerTestRows.View(_mlContext);
        var log = new List<string>();
        _mlContext.Log += (_, e) => { lock (log) log.Add(e.Message); };
        var trainer = _mlContext.MulticlassClassification.Trainers.Erts(QuickOptions());
        var pipeline = _mlContext.Transforms.Conversion.MapValueToKey("Label")
            .Append(trainer)
            .Append(_mlContext.Transforms.Conversion.MapKeyToValue("PredictedClass", "PredictedLabel"));

        using var model = pipeline.Fit(data);
        var scored = model.Transform(data);
        var metrics = _mlContext.MulticlassClassification.Evaluate(scored);

        Assert.InRange(metrics.LogLoss, 0, 10);
        string table = metrics.ConfusionMatrix.GetFormattedConfusionTable();
        Assert.All(ErtsTrainerTestRows.ClassNames, name => Assert.Contains(name, table));
        var report = Assert.IsType<TrainingReport>(trainer.LastReport);
        Assert.Same(report, ((ErtsTransformer)model.ElementAt(1)).Report);
        Assert.Equal(3, report.Epochs.Count);
        Assert.Equal(54 + 6, report.TrainingSetSize + report.ValidationSetSize);
        Assert.Equal(6, report.ValidationSetSize);   // 10 % of 20 rows per class, stratified
        lock (log) Assert.Contains(log, line => line.Contains("SmallCnn1d on 54 training / 6 validation ECGs of 2 lead(s) x 128 samples, classes: N, AF, VT"));

        var predictedClasses = scored.GetColumn<ReadOnlyMemory<char>>("PredictedClass").Select(v => v.ToString()).ToList();
        var rows = ErtsTrainerTestRows.Rows();
        using var engine = _mlContext.Model.CreatePredictionEngine<TinyEcgRow, ClassOutput>(model,
            new PredictionEngineOptions { InputSchemaDefinition = SignalDefinition(), OwnsTransformer = false });
        for (int i = 0; i < 6; i++)
            Assert.Equal(predictedClasses[i], engine.Predict(rows[i]).PredictedClass);
    }

    [Fact]
    public void Fit_TrainsOnAllRowsAndValidatesOnTheValidationSet_WhenOneIsGiven()
    {
        var labelToKey = _mlContext.Transforms.Conversion.MapValueToKey("Label").Fit(ErtsTrainerTestRows.View(_mlContext));
        var options = QuickOptions();
        options.ValidationSet = labelToKey.Transform(ErtsTrainerTestRows.View(_mlContext, count: 12, seed: 2));
        var trainer = _mlContext.MulticlassClassification.Trainers.Erts(options);

        using var model = trainer.Fit(labelToKey.Transform(ErtsTrainerTestRows.View(_mlContext)));

        Assert.Equal((60, 12), (trainer.LastReport!.TrainingSetSize, trainer.LastReport.ValidationSetSize));
    }

    [Fact]
    public void Fit_Throws_WhenTheValidationSetHasOtherClasses()
    {
        var options = QuickOptions();
        var validationRows = ErtsTrainerTestRows.Rows(count: 6);
        validationRows.Reverse();   // first occurrences VT, AF, N: other key order
        options.ValidationSet = ErtsTrainerTestRows.Keyed(_mlContext,
            ErtsTrainerTestRows.View(_mlContext, validationRows, new VectorDataViewType(NumberDataViewType.Single, 2, 128)));
        var trainer = _mlContext.MulticlassClassification.Trainers.Erts(options);

        var error = Assert.Throws<ArgumentException>(() => trainer.Fit(ErtsTrainerTestRows.Keyed(_mlContext, ErtsTrainerTestRows.View(_mlContext))));
        Assert.Equal(nameof(ErtsTrainer.Options.ValidationSet), error.ParamName);
        Assert.Contains("[VT, AF, N]", error.Message);
    }

    private sealed class IdentifiedEcgRow
    {
        public string RecordId { get; set; } = "";

        public string Label { get; set; } = "";

        public float[] Signal { get; set; } = [];
    }

    /// <summary>The test rows with record ids "rec-0", "rec-1", ...; <paramref name="spoil"/> may change a row's signal first.</summary>
    private IDataView IdentifiedView(int count, int seed, Action<int, float[]>? spoil = null)
    {
        var rows = ErtsTrainerTestRows.Rows(count, seed: seed).Select((row, i) =>
        {
            spoil?.Invoke(i, row.Signal);
            return new IdentifiedEcgRow { RecordId = $"rec-{i}", Label = row.Label, Signal = row.Signal };
        }).ToList();
        var definition = SchemaDefinition.Create(typeof(IdentifiedEcgRow));
        definition[nameof(IdentifiedEcgRow.Signal)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, 2, 128);
        return _mlContext.Data.LoadFromEnumerable(rows, definition);
    }

    [Fact]
    public void Fit_ThrowsNonFiniteSignalException_NamingTheRecord_WhenASampleIsNaN()
    {
        // A WFDB "invalid" sample reads as NaN: before, the trainer learnt NaN weights from it and said nothing.
        var data = ErtsTrainerTestRows.Keyed(_mlContext, IdentifiedView(20, seed: 1, (i, signal) => { if (i == 7) signal[128 + 5] = float.NaN; }));
        var trainer = _mlContext.MulticlassClassification.Trainers.Erts(QuickOptions());

        var error = Assert.Throws<NonFiniteSignalException>(() => trainer.Fit(data));

        Assert.Equal((7L, "rec-7", 1, 5), (error.Row, error.RecordId, error.Lead, error.Sample));
        Assert.Contains("column 'Signal', row 7 (record 'rec-7'), lead (index 1), sample 5 is NaN; the ERTS trainer takes finite samples only", error.Message);
        Assert.Contains("HandleNonFinite()", error.Message);
    }

    [Fact]
    public void Fit_ThrowsNonFiniteSignalException_WhenTheValidationSetHoldsAnInfinity()
    {
        var options = QuickOptions();
        options.ValidationSet = ErtsTrainerTestRows.Keyed(_mlContext,
            IdentifiedView(6, seed: 2, (i, signal) => { if (i == 4) signal[0] = float.NegativeInfinity; }));
        var trainer = _mlContext.MulticlassClassification.Trainers.Erts(options);

        var error = Assert.Throws<NonFiniteSignalException>(() => trainer.Fit(ErtsTrainerTestRows.Keyed(_mlContext, IdentifiedView(20, seed: 1))));

        Assert.Equal((4L, "rec-4", float.NegativeInfinity), (error.Row, error.RecordId, error.Value));
    }

    [Fact]
    public void Fit_Trains_WhenHandleNonFiniteReplacesTheNaNs()
    {
        var data = ErtsTrainerTestRows.Keyed(_mlContext, IdentifiedView(20, seed: 1, (i, signal) => { if (i % 5 == 0) signal[i] = float.NaN; }));
        var pipeline = _mlContext.Transforms.Ecg.HandleNonFinite().Append(_mlContext.MulticlassClassification.Trainers.Erts(QuickOptions()));

        using var model = pipeline.Fit(data).LastTransformer;

        Assert.All(model.Report!.Epochs, epoch => Assert.True(double.IsFinite(epoch.TrainLoss)));
    }

    [Fact]
    public void Fit_SplitsAOneDimensionalSignalWithOptionsLeads()
    {
        var rows = ErtsTrainerTestRows.Rows(count: 30);
        var data = ErtsTrainerTestRows.Keyed(_mlContext, ErtsTrainerTestRows.View(_mlContext, rows, new VectorDataViewType(NumberDataViewType.Single, 256)));
        var options = QuickOptions();
        options.Leads = 2;

        using var model = _mlContext.MulticlassClassification.Trainers.Erts(options).Fit(data);

        Assert.Equal((2, 128), (model.Leads, model.Samples));
    }

    [Fact]
    public void CrossValidate_RunsTwoFolds()
    {
        var data = ErtsTrainerTestRows.Keyed(_mlContext, ErtsTrainerTestRows.View(_mlContext));
        var options = QuickOptions();
        options.Epochs = 2;
        options.ValidationFraction = 0;

        var folds = _mlContext.MulticlassClassification.CrossValidate(data, _mlContext.MulticlassClassification.Trainers.Erts(options), numberOfFolds: 2);

        Assert.Equal(2, folds.Count);
        Assert.All(folds, fold => Assert.InRange(fold.Metrics.MacroAccuracy, 0, 1));
        foreach (var fold in folds) ((IDisposable)fold.Model).Dispose();
    }

    [Fact]
    public void Fit_SavesAndLoads_WithIdenticalScores()
    {
        var data = ErtsTrainerTestRows.Keyed(_mlContext, ErtsTrainerTestRows.View(_mlContext));
        using var model = _mlContext.MulticlassClassification.Trainers.Erts(QuickOptions()).Fit(data);
        var expected = ErtsTrainerTestRows.Scores(model.Transform(data));
        using var stream = new MemoryStream();
        _mlContext.Model.Save(model, data.Schema, stream);
        stream.Position = 0;

        var fresh = new MLContext();
        fresh.ComponentCatalog.RegisterErtsComponents();
        using var loaded = (ErtsTransformer)fresh.Model.Load(stream, out _);
        Assert.Equal(expected, ErtsTrainerTestRows.Scores(loaded.Transform(data)));
    }

    private static SchemaDefinition SignalDefinition()
    {
        var definition = SchemaDefinition.Create(typeof(TinyEcgRow));
        definition["Signal"].ColumnType = new VectorDataViewType(NumberDataViewType.Single, 2, 128);
        return definition;
    }

    private sealed class DoubleRow
    {
        public string Label { get; set; } = "";

        [VectorType(4)]
        public double[] Signal { get; set; } = [];
    }
}

/// <summary>PredictionEngine output with the class name mapped back from the key.</summary>
public sealed class ClassOutput
{
    public string PredictedClass { get; set; } = "";
}
