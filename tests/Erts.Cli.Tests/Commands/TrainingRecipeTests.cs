using System.CommandLine;
using System.Text.Json;
using Erts.Cli.Commands;
using Erts.Cli.Tests.Infrastructure;
using Erts.MLNet.Catalog;
using Erts.MLNet.Data.DataViews;
using Erts.MLNet.Tests.Infrastructure;
using Erts.MLNet.Training;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Erts.Cli.Tests.Commands;

/// <summary>The practical recipe on the command line: --window, --augment, --lr-schedule, ... reach the trainer.</summary>
public class TrainingRecipeTests
{
    [Fact]
    public void ToTrainerOptions_KeepsTheTrainerDefaults_ForTheRecipe_WhenNothingIsGiven()
    {
        var options = Parse();

        Assert.Null(options.TrainingWindow);
        Assert.Null(options.InferenceStride);
        Assert.Null(options.Augmentation);
        Assert.Equal(ErtsTrainer.Options.Defaults.LearningRateSchedule, options.LearningRateSchedule);
        Assert.Equal(ErtsTrainer.Options.Defaults.LearningRateWarmupEpochs, options.LearningRateWarmupEpochs);
        Assert.Equal(ErtsTrainer.Options.Defaults.HeadDropout, options.HeadDropout);
        Assert.Equal(ErtsTrainer.Options.Defaults.LabelSmoothing, options.LabelSmoothing);
        Assert.Null(options.EarlyStoppingPatience);
        Assert.Null(options.AuxiliaryFeaturesColumnName);
    }

    [Fact]
    public void ToTrainerOptions_MapsEveryRecipeOption()
    {
        var options = Parse("--epochs", "10", "--window", "1000", "--stride", "250", "--augment", "light", "--noise", "0.1", "--shift", "4",
            "--lr-schedule", "cosine", "--lr-warmup", "2.5", "--head-dropout", "0.2", "--label-smoothing", "0.1", "--patience", "3", "--rhythm");

        Assert.Equal(1000, options.TrainingWindow);
        Assert.Equal(250, options.InferenceStride);
        // The light preset's amplitude stays; the amounts given replace the preset's.
        Assert.Equal(EcgAugmentation.Light with { NoiseStandardDeviation = 0.1f, MaxTimeShift = 4 }, options.Augmentation);
        Assert.Equal(LearningRateSchedule.WarmupCosine, options.LearningRateSchedule);
        Assert.Equal(2.5, options.LearningRateWarmupEpochs);
        Assert.Equal(0.2f, options.HeadDropout);
        Assert.Equal(0.1f, options.LabelSmoothing);
        Assert.Equal(3, options.EarlyStoppingPatience);
        Assert.Equal(EcgColumns.Rhythm, options.AuxiliaryFeaturesColumnName);
    }

    [Fact]
    public void ToTrainerOptions_BuildsAnAugmentation_FromSingleAmounts_WithoutAPreset()
    {
        var options = Parse("--amplitude", "0.1", "--wander", "0.3");

        Assert.Equal(new EcgAugmentation { AmplitudeScale = 0.1f, BaselineWanderAmplitude = 0.3f }, options.Augmentation);
    }

    [Theory]
    [InlineData("--window", "0")]
    [InlineData("--stride", "0")]
    [InlineData("--resample", "0")]
    [InlineData("--augment", "heavy")]
    [InlineData("--amplitude", "1")]
    [InlineData("--noise", "-0.1")]
    [InlineData("--wander", "-1")]
    [InlineData("--shift", "-1")]
    [InlineData("--lr-schedule", "step")]
    [InlineData("--lr-warmup", "-1")]
    [InlineData("--head-dropout", "1")]
    [InlineData("--label-smoothing", "1.5")]
    [InlineData("--patience", "0")]
    public void Train_ReturnsUsage_NamingTheOption_ForABadValue(string option, string value)
    {
        var run = CliRun.Invoke(["train", .. TrainedModelFixture.TinyData, "--epochs", "1", option, value, "--out", "unused"]);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains(option, run.Error);
        Assert.Contains($"(got {value})", run.Error);
    }

    [Theory]
    [InlineData("--stride 10", "--stride 10 needs --window")]
    [InlineData("--lr-warmup 1", "--lr-warmup applies to --lr-schedule cosine only")]
    [InlineData("--lr-schedule cosine --lr-warmup 3", "--lr-warmup 3 is longer than --epochs 2")]
    [InlineData("--rhythm", "--rhythm: the synthetic examples carry no RR context")]
    [InlineData("--whole-records", "--whole-records: the synthetic records all have one length")]
    [InlineData("--window 101", "--window 101 is longer than the records the network is given (100 samples per lead)")]
    [InlineData("--resample 25 --window 60", "--window 60 is longer than the records the network is given (50 samples per lead)")]
    public void Train_ReturnsUsage_WhenOptionsDoNotFitTogetherOrTheData(string arguments, string message)
    {
        using var folder = new TempFolder();

        var run = CliRun.Invoke(["train", .. TrainedModelFixture.TinyData, "--network", "SmallCnn1d", "--epochs", "2", "--threads", "1",
            .. arguments.Split(' '), "--out", folder.Path]);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains(message, run.Error);
        Assert.Single(run.ErrorLines);
    }

    [Fact]
    public void Compare_ReturnsUsage_NamingTheOption_ForABadValue()
    {
        var run = CliRun.Invoke(["compare", .. TrainedModelFixture.TinyData, "--policies", "full", "--lr-schedule", "linear", "--out", "unused"]);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--lr-schedule", run.Error);
    }

    [Fact]
    public void TrainHelp_ListsTheRecipeOptions()
    {
        var run = CliRun.Invoke("train", "--help");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        foreach (string option in new[] { "--window", "--stride", "--resample", "--augment", "--amplitude", "--noise", "--wander", "--shift",
                     "--lr-schedule", "--lr-warmup", "--head-dropout", "--label-smoothing", "--patience", "--rhythm", "--whole-records" })
            Assert.Contains(option, run.Output);
    }

    [Fact]
    public void Train_WithWindowAugmentationAndCosine_SavesAModelScoringByThatWindow_ThatEvaluateAndExplainUse()
    {
        using var folder = new TempFolder();
        string report = folder.Combine("train");

        var run = CliRun.Invoke(["train", .. TrainedModelFixture.TinyData, "--network", "SmallCnn1d", "--epochs", "2", "--threads", "1",
            "--window", "60", "--stride", "20", "--augment", "light", "--lr-schedule", "cosine", "--head-dropout", "0.1", "--label-smoothing", "0.05",
            "--explain-examples", "1", "--out", report]);

        Assert.True(run.ExitCode == ExitCodes.Success, run.Error);
        string modelPath = Path.Combine(report, "model.zip");
        WithClassifier(modelPath, (model, _) =>
        {
            Assert.Equal(60, model.Window);
            Assert.Equal(20, model.Stride);
            Assert.Equal(100, model.Samples);
        });
        using var results = JsonDocument.Parse(File.ReadAllText(Path.Combine(report, "results.json")));
        var settings = results.RootElement.GetProperty("settings");
        Assert.Contains("a random 60-sample window", settings.GetProperty("input").GetString());
        Assert.Contains("cosine", settings.GetProperty("learning-rate schedule").GetString());
        Assert.Contains("noise sd 0.05", settings.GetProperty("augmentation").GetString());

        var evaluate = CliRun.Invoke(["evaluate", "--model", modelPath, .. TrainedModelFixture.TinyData, "--out", folder.Combine("evaluate"), "--json"]);
        Assert.True(evaluate.ExitCode == ExitCodes.Success, evaluate.Error);
        using var evaluated = JsonDocument.Parse(evaluate.Output);
        Assert.Equal(results.RootElement.GetProperty("runs")[0].GetProperty("test").GetProperty("macroF1").GetDouble(),
            evaluated.RootElement.GetProperty("runs")[0].GetProperty("test").GetProperty("macroF1").GetDouble(), 9);

        var explain = CliRun.Invoke(["explain", "--model", modelPath, .. TrainedModelFixture.TinyData, "--out", folder.Combine("explain"), "--json"]);
        Assert.True(explain.ExitCode == ExitCodes.Success, explain.Error);
    }

    [Fact]
    public void Train_WithResample_PutsTheResamplingInTheModel_AndCountsTheWindowAtTheNewRate()
    {
        using var folder = new TempFolder();

        var run = CliRun.Invoke(["train", .. TrainedModelFixture.TinyData, "--network", "SmallCnn1d", "--epochs", "1", "--threads", "1",
            "--resample", "25", "--window", "40", "--explain-examples", "0", "--out", folder.Path]);

        Assert.True(run.ExitCode == ExitCodes.Success, run.Error);
        WithClassifier(Path.Combine(folder.Path, "model.zip"), (model, _) =>
        {
            Assert.Equal(40, model.Window);
            Assert.Equal(50, model.Samples);   // 2 s at 25 Hz
        });
    }

    [Fact]
    public void Compare_PassesTheRecipeToEveryRun()
    {
        using var folder = new TempFolder();

        var run = CliRun.Invoke(["compare", .. TrainedModelFixture.TinyData, "--network", "SmallCnn1d", "--epochs", "2", "--threads", "1",
            "--policies", "full,erts-dbpd", "--window", "60", "--augment", "light", "--lr-schedule", "cosine", "--patience", "1", "--out", folder.Path]);

        Assert.True(run.ExitCode == ExitCodes.Success, run.Error);
        Assert.Contains("input: a random 60-sample window", run.Output);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder.Path, "results.json")));
        Assert.Equal(2, json.RootElement.GetProperty("runs").GetArrayLength());
        Assert.Contains("after 1 epochs", json.RootElement.GetProperty("settings").GetProperty("early stopping").GetString());
    }

    [SkippableFact]
    public void Train_OnCinc2017_WithAWindow_ReadsWholeRecords_AndEvaluateAndExplainFollowTheModel()
    {
        using var folder = new TempFolder();
        string data = CopyCinc2017Subset(RepositoryPaths.RequireDataset("cinc2017"), folder.Combine("cinc2017"), perLabel: 8);
        string report = folder.Combine("train");

        // 100 Hz and 1000-sample windows: random 10 s windows of whole records.
        var run = CliRun.Invoke(["train", "--dataset", "cinc2017", "--data", data, "--resample", "100", "--window", "1000", "--augment", "light",
            "--lr-schedule", "cosine", "--network", "SmallCnn1d", "--epochs", "2", "--threads", "1", "--explain-examples", "1", "--out", report]);

        Assert.True(run.ExitCode == ExitCodes.Success, run.Error);
        Assert.Contains("whole records", run.Output);
        string modelPath = Path.Combine(report, "model.zip");
        WithClassifier(modelPath, (classifier, schema) =>
        {
            Assert.NotNull(schema.GetColumnOrNull(EcgColumns.SignalLength));
            Assert.Equal(1000, classifier.Window);
            int longest = ((VectorDataViewType)schema[EcgColumns.Signal].Type).Dimensions[1];
            Assert.Equal(longest / 3, classifier.Samples);   // 300 Hz to 100 Hz
        });

        var evaluate = CliRun.Invoke(["evaluate", "--model", modelPath, "--dataset", "cinc2017", "--data", data, "--out", folder.Combine("evaluate"), "--json"]);
        Assert.True(evaluate.ExitCode == ExitCodes.Success, evaluate.Error);
        using var results = JsonDocument.Parse(File.ReadAllText(Path.Combine(report, "results.json")));
        using var evaluated = JsonDocument.Parse(evaluate.Output);
        Assert.Equal(results.RootElement.GetProperty("runs")[0].GetProperty("test").GetProperty("confusionMatrix").ToString(),
            evaluated.RootElement.GetProperty("runs")[0].GetProperty("test").GetProperty("confusionMatrix").ToString());

        var explain = CliRun.Invoke(["explain", "--model", modelPath, "--dataset", "cinc2017", "--data", data, "--out", folder.Combine("explain"), "--json"]);
        Assert.True(explain.ExitCode == ExitCodes.Success, explain.Error);
    }

    [SkippableFact]
    public void Train_OnMitdb_WithRhythm_FusesTheRRContext()
    {
        using var folder = new TempFolder();
        string source = RepositoryPaths.RequireDataset("mitdb");
        // 101 is in the training half (DS1) of the inter-patient split, 100 in the test half (DS2).
        string data = folder.Combine("mitdb");
        Directory.CreateDirectory(data);
        foreach (string record in new[] { "100", "101" })
            foreach (string extension in new[] { ".hea", ".dat", ".atr" })
                File.Copy(Path.Combine(source, record + extension), Path.Combine(data, record + extension));
        File.WriteAllLines(Path.Combine(data, "RECORDS"), ["100", "101"]);
        string report = folder.Combine("train");

        var run = CliRun.Invoke(["train", "--dataset", "mitdb", "--data", data, "--rhythm", "--focus-resolution", "Input",
            "--network", "SmallCnn1d", "--epochs", "1", "--threads", "1", "--explain-examples", "1", "--out", report]);

        Assert.True(run.ExitCode == ExitCodes.Success, run.Error);
        // 101 has no V beat, so the model knows no V; 100's one V beat is left out of the test metrics, and said so.
        Assert.Contains("test: 1 example(s) have a label the model was not trained on ('V' 1)", run.Error);
        WithClassifier(Path.Combine(report, "model.zip"), (model, _) =>
        {
            Assert.Equal(EcgColumns.Rhythm, model.AuxiliaryFeaturesColumnName);
            Assert.Equal(7, model.AuxiliaryFeatures);
        });
        var explain = CliRun.Invoke(["explain", "--model", Path.Combine(report, "model.zip"), "--dataset", "mitdb", "--data", data,
            "--out", folder.Combine("explain")]);
        Assert.True(explain.ExitCode == ExitCodes.Success, explain.Error);
    }

    private static ErtsTrainer.Options Parse(params string[] arguments)
    {
        var set = new TrainingOptionSet();
        var command = new RootCommand();
        set.AddTo(command);
        var result = command.Parse(arguments);
        Assert.Empty(result.Errors);
        return set.ToTrainerOptions(result);
    }

    /// <summary>Loads a saved model and hands its ERTS classifier and input schema to <paramref name="check"/>.</summary>
    private static void WithClassifier(string modelPath, Action<ErtsTransformer, DataViewSchema> check)
    {
        var loaded = new MLContext().Model.LoadErtsModel(modelPath, out var schema);
        using var chain = (IDisposable)loaded;
        check(((TransformerChain<ITransformer>)loaded).OfType<ErtsTransformer>().Single(), schema);
    }

    /// <summary>The first <paramref name="perLabel"/> N and A records of CinC 2017, with their own label file.</summary>
    private static string CopyCinc2017Subset(string source, string target, int perLabel)
    {
        Directory.CreateDirectory(target);
        var rows = File.ReadAllLines(Path.Combine(source, "REFERENCE.csv"))
            .Select(line => line.Trim().Split(','))
            .Where(fields => fields.Length == 2)
            .GroupBy(fields => fields[1])
            .Where(group => group.Key is "N" or "A")
            .SelectMany(group => group.Take(perLabel))
            .ToArray();
        foreach (var fields in rows)
            foreach (string extension in new[] { ".hea", ".mat" })
                File.Copy(Path.Combine(source, fields[0] + extension), Path.Combine(target, fields[0] + extension));
        File.WriteAllLines(Path.Combine(target, "REFERENCE.csv"), rows.Select(fields => $"{fields[0]},{fields[1]}"));
        return target;
    }
}
