using Erts.MLNet.Catalog;
using Erts.MLNet.Data;
using Erts.MLNet.Data.DataViews;
using Erts.MLNet.Tests.Infrastructure;
using Erts.MLNet.Model;
using Erts.MLNet.Networks;
using Erts.MLNet.Persistence;
using Erts.MLNet.Training;
using Microsoft.ML;
using Microsoft.ML.Data;
using TorchSharp;

namespace Erts.MLNet.Tests.Training;

/// <summary>
/// Issue 15, defect 4: a model must not silently score data it was not trained on. Same-size signals with the leads
/// in another order, other leads or another sampling rate are refused, naming both sides; the trained leads and rate
/// travel with the model through both file formats.
/// </summary>
public sealed class ErtsTransformerInputCheckTests : IDisposable
{
    private const int Samples = 128;
    private static readonly string[] TrainedLeads = ["I", "II"];

    private readonly MLContext _mlContext = new(seed: 1);
    private readonly string _folder = Directory.CreateTempSubdirectory("erts-input-check-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Fit_RecordsTheTrainingLeadsAndRate_AndBothModelFormatsKeepThem()
    {
        var train = ErtsTrainerTestRows.Keyed(_mlContext, View(TrainedLeads, 250f, count: 12));
        using var model = _mlContext.MulticlassClassification.Trainers.Erts(new ErtsTrainer.Options
        {
            Network = Backbone.SmallCnn1d, Epochs = 1, SelectionPolicy = "full", BatchSize = 6, ValidationFraction = 0, Threads = 1,
        }).Fit(train);

        Assert.Equal(TrainedLeads, model.LeadNames);
        Assert.Equal(250f, model.SamplingRate);

        string file = Path.Combine(_folder, "model.zip"), package = Path.Combine(_folder, "model.ecgpkg");
        _mlContext.Model.SaveErtsModel(model, train.Schema, file);
        EcgModelPackage.Save(_mlContext, model, train.Schema, package);
        foreach (var loaded in new[] { _mlContext.Model.LoadErtsModel(file, out _), EcgModelPackage.Load(_mlContext, package, out _) })
            using (loaded as IDisposable)
            {
                var classifier = loaded as ErtsTransformer ?? ((TransformerChain<ITransformer>)loaded).OfType<ErtsTransformer>().Single();
                Assert.Equal(TrainedLeads, classifier.LeadNames);
                Assert.Equal(250f, classifier.SamplingRate);
                Assert.Throws<ArgumentOutOfRangeException>(() => classifier.Transform(View(["II", "I"], 250f)));
            }
    }

    [Theory]
    [InlineData(new[] { "II", "I" }, 250f, "the same leads in another order")]
    [InlineData(new[] { "V1", "V2" }, 250f, "other leads")]
    [InlineData(new[] { "I", "II" }, 500f, "another sampling rate")]
    [InlineData(new[] { "II", "V1" }, 360f, "other leads and another sampling rate")]
    public void Transform_Refuses_SameSizeDataOfOtherLeadsOrRate(string[] leads, float rate, string problem)
    {
        using var transformer = Transformer(TrainedLeads, 250f);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => transformer.Transform(View(leads, rate)));

        Assert.Contains($"({problem})", error.Message);
        Assert.Contains("trained on leads [I, II] at 250 Hz", error.Message);
        Assert.Contains($"the data holds leads [{string.Join(", ", leads)}] at {rate} Hz", error.Message);
        Assert.Contains(nameof(ErtsTransformer.CheckLeadsAndSamplingRate), error.Message);
    }

    [Fact]
    public void EvaluateAndPredictionEngine_Refuse_LeadsInAnotherOrder()
    {
        using var transformer = Transformer(TrainedLeads, 250f);
        var swapped = View(["II", "I"], 250f);

        Assert.Throws<ArgumentOutOfRangeException>(() =>
            _mlContext.MulticlassClassification.Evaluate(transformer.Transform(ErtsTrainerTestRows.Keyed(_mlContext, swapped))));
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            _mlContext.Model.CreatePredictionEngine<EcgRow, ScoreOutput>(transformer, swapped.Schema));
    }

    [Fact]
    public void Transform_MatchesLeadNamesIgnoringCase_AndScoresTheSameAsUnnamedData()
    {
        using var transformer = Transformer(["aVR", "V1"], 500f);
        var named = ErtsTrainerTestRows.Scores(transformer.Transform(View(["AVR", "v1"], 500f)));
        var unnamed = ErtsTrainerTestRows.Scores(transformer.Transform(ErtsTrainerTestRows.View(_mlContext, count: 4, leads: 2, samples: Samples)));

        Assert.Equal(unnamed, named);
    }

    [Fact]
    public void Transform_Scores_WhenTheCheckIsSwitchedOff()
    {
        using var transformer = Transformer(TrainedLeads, 250f);
        transformer.CheckLeadsAndSamplingRate = false;

        Assert.Equal(4, ErtsTrainerTestRows.Scores(transformer.Transform(View(["V1", "V2"], 500f))).Count);
    }

    [Fact]
    public void Transform_ChecksOnlyTheSize_ForAModelSavedBeforeLeadsWereStored()
    {
        // Format 0x00010001 (see Fixtures/models/README.md): 1 lead x 64 samples, no lead names or rate.
        string old = Path.Combine(RepositoryPaths.Root, "tests", "Erts.MLNet.Tests", "Fixtures", "models", "erts-format-00010001.zip");
        using var loaded = (ErtsTransformer)new MLContext().Model.LoadErtsModel(old, out _);

        Assert.Null(loaded.LeadNames);
        Assert.Null(loaded.SamplingRate);
        Assert.Equal(4, ErtsTrainerTestRows.Scores(loaded.Transform(View(["V5"], 128f, samples: 64))).Count);
    }

    /// <summary>An untrained SmallCnn1d that says it was trained on <paramref name="leads"/> at <paramref name="rate"/>.</summary>
    private static ErtsTransformer Transformer(string[] leads, float rate)
    {
        torch.manual_seed(3);
        var network = NetworkFactory.Create(Backbone.SmallCnn1d, leads.Length, Samples, ErtsTrainerTestRows.ClassNames.Length);
        return new ErtsTransformer(network,
            new ModelDescription(Backbone.SmallCnn1d, leads.Length, Samples, ErtsTrainerTestRows.ClassNames, "Signal", "Score", "PredictedLabel", null)
            { LeadNames = leads, SamplingRate = rate },
            report: null);
    }

    /// <summary>The rows of <see cref="ErtsTrainerTestRows.Rows"/> as an ECG view with lead names and a rate.</summary>
    private IDataView View(string[] leads, float rate, int count = 4, int samples = Samples)
    {
        var rows = ErtsTrainerTestRows.Rows(count, leads.Length, samples);
        var examples = rows.Select((row, i) => new EcgExample($"r{i}", null, row.Signal, leads.Length, rate, row.Label, leads)).ToList();
        return _mlContext.Data.LoadEcg(examples);
    }

    /// <summary>PredictionEngine input: the columns of an ECG view.</summary>
    public sealed class EcgRow
    {
        public float[] Signal { get; set; } = [];
        public string Label { get; set; } = "";
        public string RecordId { get; set; } = "";
        public string PatientId { get; set; } = "";
        public float SamplingRate { get; set; }
    }

    /// <summary>PredictionEngine output.</summary>
    public sealed class ScoreOutput
    {
        public float[] Score { get; set; } = [];
    }
}
