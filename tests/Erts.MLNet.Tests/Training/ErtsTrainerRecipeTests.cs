using Erts.MLNet.Catalog;
using Erts.MLNet.Data;
using Erts.MLNet.Networks;
using Erts.MLNet.Training;
using Microsoft.ML;
using Microsoft.ML.Data;
using TorchSharp;

namespace Erts.MLNet.Tests.Training;

/// <summary>A whole record of its own length, zero-padded, with optional auxiliary features (ECG convention).</summary>
public sealed class WholeRecordRow
{
    public string Label { get; set; } = "";

    public float[] Signal { get; set; } = [];

    public int SignalLength { get; set; }

    public float[] Rhythm { get; set; } = [];
}

/// <summary>
/// The practitioner's recipe through the ML.NET surface: random windows from whole records, augmentation, warm-up +
/// cosine, early stopping, scoring by sliding windows, auxiliary features fused into the network, all saved with the model.
/// </summary>
public sealed class ErtsTrainerRecipeTests : IDisposable
{
    private const int Padded = 400;
    private const int Window = 128;
    private readonly MLContext _mlContext = new(seed: 1);
    private readonly string _folder = Directory.CreateTempSubdirectory("erts-recipe-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Class c is a pulse train of period 16 (c + 1) on noise, 150 to 400 samples long; Rhythm = [c + noise, noise] when informative, else noise.</summary>
    private static List<WholeRecordRow> Rows(int count, int seed, bool informativeRhythm = false, bool informativeSignal = true)
    {
        var random = new Random(seed);
        var rows = new List<WholeRecordRow>();
        for (int i = 0; i < count; i++)
        {
            int label = i % 2, length = random.Next(150, Padded + 1), period = 16 * (label + 1), phase = random.Next(period);
            var signal = new float[Padded];
            for (int t = 0; t < length; t++)
                signal[t] = (informativeSignal && (t + phase) % period < 3 ? 1f : 0f) + 0.1f * (float)(random.NextDouble() - 0.5);
            float noise = (float)(random.NextDouble() - 0.5);
            rows.Add(new WholeRecordRow
            {
                Label = label == 0 ? "short" : "long",
                Signal = signal,
                SignalLength = length,
                Rhythm = [informativeRhythm ? 10 * label + 0.2f * noise : noise, (float)random.NextDouble()],
            });
        }
        return rows;
    }

    private IDataView View(IEnumerable<WholeRecordRow> rows)
    {
        var definition = SchemaDefinition.Create(typeof(WholeRecordRow));
        definition[nameof(WholeRecordRow.Signal)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, 1, Padded);
        definition[nameof(WholeRecordRow.Rhythm)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, 2);
        return _mlContext.Data.LoadFromEnumerable(rows, definition);
    }

    private static ErtsTrainer.Options RecipeOptions() => new()
    {
        Network = Backbone.SmallCnn1d,
        SelectionPolicy = "full",
        Epochs = 4,
        BatchSize = 16,
        LearningRate = 3e-3,
        TrainingWindow = Window,
        InferenceStride = 64,
        Augmentation = EcgAugmentation.Light,
        LearningRateSchedule = LearningRateSchedule.WarmupCosine,
        HeadDropout = 0.1f,
        LabelSmoothing = 0.1f,
        ExplanationColumnName = "Explanation",
        Threads = 1,
    };

    private static double Accuracy(IDataView scored) =>
        scored.GetColumn<uint>("Label").Zip(scored.GetColumn<uint>("PredictedLabel")).Average(p => p.First == p.Second ? 1.0 : 0.0);

    [Fact]
    public void Fit_OnWholeRecords_TrainsOnWindows_ScoresWholeRecords_AndSavesTheWindowing()
    {
        var data = View(Rows(80, seed: 1));
        var keyed = _mlContext.Transforms.Conversion.MapValueToKey("Label").Fit(data).Transform(data);
        using var model = _mlContext.MulticlassClassification.Trainers.Erts(RecipeOptions()).Fit(keyed);

        Assert.Equal((Padded, Window, 64), (model.Samples, model.Window, model.Stride));
        var scored = model.Transform(keyed);
        Assert.True(Accuracy(scored) > 0.8, $"accuracy {Accuracy(scored)}");
        var scores = ErtsTrainerTestRows.Scores(scored);
        Assert.All(scores, row => Assert.Equal(1f, row.Sum(), 3));

        // The explanation covers the record and is zero over the padding.
        var lengths = keyed.GetColumn<int>("SignalLength").ToList();
        var profiles = ErtsTrainerTestRows.Scores(scored, "Explanation");
        Assert.All(profiles.Zip(lengths), pair =>
        {
            Assert.Equal(Padded, pair.First.Length);
            Assert.All(pair.First.Skip(pair.Second), value => Assert.Equal(0f, value));
            Assert.Contains(pair.First.Take(pair.Second), value => value > 0);
        });

        string path = Path.Combine(_folder, "model.zip");
        _mlContext.Model.SaveErtsModel(model, keyed.Schema, path);
        using var loaded = (ErtsTransformer)new MLContext().Model.LoadErtsModel(path, out _);
        Assert.Equal((Window, 64), (loaded.Window, loaded.Stride));
        AssertClose(scores, ErtsTrainerTestRows.Scores(loaded.Transform(keyed)));

        // Explain on one record agrees with its scored row.
        var first = Rows(80, seed: 1)[0];
        var explanation = model.ExplainRecord(first.Signal, first.SignalLength, []);
        Assert.Equal(scores[0], explanation.Probabilities.ToArray(), new ToleranceComparer(1e-5f));
        Assert.Equal(first.SignalLength, explanation.Profile.Count);
    }

    [Fact]
    public void Fit_ScoresARecordByTheMeanOfItsWindows()
    {
        var data = View(Rows(40, seed: 2));
        var keyed = _mlContext.Transforms.Conversion.MapValueToKey("Label").Fit(data).Transform(data);
        var options = RecipeOptions();
        options.Epochs = 1;
        options.ExplanationColumnName = null;
        using var model = _mlContext.MulticlassClassification.Trainers.Erts(options).Fit(keyed);
        var row = Rows(40, seed: 2)[3];

        var scored = ErtsTrainerTestRows.Scores(model.Transform(View([row, row])))[0];

        // By hand: every window start, the window alone as a one-window record through the model, mean of the probabilities.
        var starts = RecordWindows.Starts(row.SignalLength, Window, 64);
        Assert.True(starts.Length > 1);
        var mean = new float[2];
        foreach (int start in starts)
        {
            var alone = new float[Padded];
            RecordWindows.Copy(row.Signal, 1, Padded, row.SignalLength, start, 0, alone.AsSpan(0, Window));
            var probabilities = model.ExplainRecord(alone, Window, []).Probabilities;
            for (int c = 0; c < 2; c++) mean[c] += probabilities[c] / starts.Length;
        }
        Assert.Equal(mean, scored, new ToleranceComparer(1e-5f));
    }

    [Fact]
    public void Fit_LearnsFromAuxiliaryFeaturesFusedBeforeTheHead_AndSavesTheirScaling()
    {
        // The signal carries no class; only the first auxiliary feature does, on a scale far from 1 (standardised inside).
        var data = View(Rows(80, seed: 3, informativeRhythm: true, informativeSignal: false));
        var keyed = _mlContext.Transforms.Conversion.MapValueToKey("Label").Fit(data).Transform(data);
        var options = RecipeOptions();
        options.AuxiliaryFeaturesColumnName = "Rhythm";
        options.ExplanationColumnName = null;
        options.Epochs = 6;
        using var model = _mlContext.MulticlassClassification.Trainers.Erts(options).Fit(keyed);

        var scored = model.Transform(keyed);
        Assert.Equal(2, model.AuxiliaryFeatures);
        Assert.True(Accuracy(scored) > 0.95, $"accuracy {Accuracy(scored)}");

        string path = Path.Combine(_folder, "aux.zip");
        _mlContext.Model.SaveErtsModel(model, keyed.Schema, path);
        using var loaded = (ErtsTransformer)new MLContext().Model.LoadErtsModel(path, out _);
        AssertClose(ErtsTrainerTestRows.Scores(scored), ErtsTrainerTestRows.Scores(loaded.Transform(keyed)));
    }

    [Fact]
    public void Fit_Throws_WhenAnAuxiliaryFeatureIsNotFinite()
    {
        var rows = Rows(20, seed: 4);
        rows[5].Rhythm[1] = float.NaN;
        var data = View(rows);
        var keyed = _mlContext.Transforms.Conversion.MapValueToKey("Label").Fit(data).Transform(data);
        var options = RecipeOptions();
        options.AuxiliaryFeaturesColumnName = "Rhythm";

        var error = Assert.Throws<NonFiniteValueException>(() => _mlContext.MulticlassClassification.Trainers.Erts(options).Fit(keyed));
        Assert.Contains("column 'Rhythm', row 5, auxiliary feature 1 is NaN", error.Message);
        Assert.Equal(("Rhythm", 5L), (error.ColumnName, error.Row));
    }

    [Fact]
    public void Fit_StopsEarly_WhenValidationMacroF1StopsImproving()
    {
        var data = View(Rows(60, seed: 5));
        var keyed = _mlContext.Transforms.Conversion.MapValueToKey("Label").Fit(data).Transform(data);
        var options = RecipeOptions();
        options.Epochs = 30;
        options.LearningRate = 1e-12;   // nothing is learnt, so macro-F1 never improves after the first epoch
        options.EarlyStoppingPatience = 2;
        options.ExplanationColumnName = null;
        options.ValidationFraction = 0.3f;
        var trainer = _mlContext.MulticlassClassification.Trainers.Erts(options);

        using var model = trainer.Fit(keyed);

        Assert.True(model.Report!.StoppedEarly);
        Assert.Equal(3, model.Report.Epochs.Count);
        Assert.Equal(0, model.Report.BestEpoch);
    }

    [Fact]
    public void PredictionEngine_ScoresAWholeRecord_AsTransformDoes()
    {
        var rows = Rows(40, seed: 6);
        var data = View(rows);
        var keyed = _mlContext.Transforms.Conversion.MapValueToKey("Label").Fit(data).Transform(data);
        var options = RecipeOptions();
        options.Epochs = 1;
        options.ExplanationColumnName = null;
        using var model = _mlContext.MulticlassClassification.Trainers.Erts(options).Fit(keyed);
        var definition = SchemaDefinition.Create(typeof(WholeRecordRow));
        definition[nameof(WholeRecordRow.Signal)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, 1, Padded);
        definition[nameof(WholeRecordRow.Rhythm)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, 2);

        var engine = _mlContext.Model.CreatePredictionEngine<WholeRecordRow, ScoredRow>(model, inputSchemaDefinition: definition);

        var expected = ErtsTrainerTestRows.Scores(model.Transform(data));
        for (int i = 0; i < 5; i++) Assert.Equal(expected[i], engine.Predict(rows[i]).Score, new ToleranceComparer(1e-6f));
    }

    private static void AssertClose(List<float[]> expected, List<float[]> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++) Assert.Equal(expected[i], actual[i], new ToleranceComparer(1e-6f));
    }

    public sealed class ScoredRow
    {
        public float[] Score { get; set; } = [];
    }
}
