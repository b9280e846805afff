using System.Text.Json;
using Erts.Cli.Commands;
using Erts.Cli.Tests.Infrastructure;

namespace Erts.Cli.Tests.Commands;

public class TrainCommandTests(TrainedModelFixture trained) : IClassFixture<TrainedModelFixture>
{
    [Fact]
    public void Train_WritesModelAndReport_WithNumbersMatchingThePrintedJson()
    {
        Assert.True(trained.Train.ExitCode == ExitCodes.Success, trained.Train.Error);
        Assert.True(File.Exists(trained.ModelPath));
        foreach (string file in new[] { "report.html", "results.json", "metrics.csv", "test-metrics.csv", "plots/kept-fraction.png", "plots/confusion-erts-dbpd.png" })
            Assert.True(File.Exists(Path.Combine(trained.ReportFolder, file)), $"{file} missing");
        Assert.Equal(2, Directory.GetFiles(Path.Combine(trained.ReportFolder, "plots"), "gradcam-*.png").Length);

        using var printed = JsonDocument.Parse(trained.Train.Output);
        var run = trained.Results!.RootElement.GetProperty("runs")[0];
        var printedRun = printed.RootElement.GetProperty("runs")[0];
        Assert.Equal(run.GetProperty("test").GetProperty("macroF1").GetDouble(), printedRun.GetProperty("test").GetProperty("macroF1").GetDouble());
        Assert.Equal(trained.ModelPath, printed.RootElement.GetProperty("files").GetProperty("model").GetString());

        var training = run.GetProperty("training");
        Assert.Equal("erts-dbpd", training.GetProperty("policy").GetString());
        Assert.Equal(2, training.GetProperty("perEpoch").GetArrayLength());
        Assert.Equal(1 + 2, File.ReadAllLines(Path.Combine(trained.ReportFolder, "metrics.csv")).Length);
        double lastCumulative = training.GetProperty("perEpoch")[1].GetProperty("cumulativeEffectiveEpochs").GetDouble();
        Assert.Equal(lastCumulative, training.GetProperty("effectiveEpochs").GetDouble(), 12);
    }

    [Fact]
    public void Train_RecordsTheTestCountOfTheSyntheticSplit()
    {
        // 10 records per class x 5 classes; the 10th of each class is a test record.
        var test = trained.Results!.RootElement.GetProperty("runs")[0].GetProperty("test");

        Assert.Equal(5, test.GetProperty("count").GetInt32());
        Assert.Equal(5, test.GetProperty("classes").GetArrayLength());
    }

    [Fact]
    public void Evaluate_ReproducesTheTestScoresOfTraining()
    {
        string folder = trained.NewFolder("evaluate");

        var run = CliRun.Invoke(["evaluate", "--model", trained.ModelPath, .. TrainedModelFixture.TinyData, "--out", folder, "--json"]);

        Assert.True(run.ExitCode == ExitCodes.Success, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        var evaluated = json.RootElement.GetProperty("runs")[0].GetProperty("test");
        var fromTraining = trained.Results!.RootElement.GetProperty("runs")[0].GetProperty("test");
        Assert.Equal(fromTraining.GetProperty("macroF1").GetDouble(), evaluated.GetProperty("macroF1").GetDouble(), 9);
        Assert.Equal(fromTraining.GetProperty("confusionMatrix").ToString(), evaluated.GetProperty("confusionMatrix").ToString());
        Assert.True(File.Exists(Path.Combine(folder, "plots", "confusion-model.png")));
    }

    [Fact]
    public void Evaluate_PrintsTheConfusionMatrixTable_InNormalMode()
    {
        var run = CliRun.Invoke(["evaluate", "--model", trained.ModelPath, .. TrainedModelFixture.TinyData, "--out", trained.NewFolder("evaluate-table")]);

        Assert.True(run.ExitCode == ExitCodes.Success, run.Error);
        Assert.Contains("confusion matrix (rows: true, columns: predicted)", run.Output);
        Assert.Contains("NORM", run.Output);
    }

    [Fact]
    public void Evaluate_FailsInOneLine_WhenTheDataDoNotFitTheModel()
    {
        var run = CliRun.Invoke(["evaluate", "--model", trained.ModelPath, "--examples-per-class", "10", "--leads", "I", "II",
            "--duration", "2", "--sampling-rate", "50", "--out", trained.NewFolder("evaluate-mismatch")]);

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Single(run.ErrorLines);
        Assert.StartsWith("erts: error: ", run.Error);
    }

    [Fact]
    public void Train_ExitsWithAOneLineError_WhenTheLearningRateMakesTrainingDiverge()
    {
        // Before, --learning-rate 1e30 trained NaN weights, wrote the model and exited 0.
        string folder = trained.NewFolder("diverged");

        var run = CliRun.Invoke(["train", .. TrainedModelFixture.TinyData, "--network", "SmallCnn1d", "--epochs", "2", "--policy", "full",
            "--threads", "1", "--learning-rate", "1e30", "--explain-examples", "0", "--out", folder]);

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Single(run.ErrorLines);
        Assert.StartsWith("erts: error: Training diverged in epoch 1/2", run.Error);
        Assert.Contains("Lower the learning rate", run.Error);
        Assert.False(File.Exists(Path.Combine(folder, "model.zip")));
    }

    [Fact]
    public void Explain_WritesThePngAndReportsAProbability()
    {
        string folder = trained.NewFolder("explain");

        var run = CliRun.Invoke(["explain", "--model", trained.ModelPath, .. TrainedModelFixture.TinyData, "--index", "1", "--out", folder, "--json"]);

        Assert.True(run.ExitCode == ExitCodes.Success, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        string image = json.RootElement.GetProperty("image").GetString()!;
        Assert.True(File.Exists(image));
        Assert.StartsWith(folder, image);
        float probability = json.RootElement.GetProperty("probability").GetSingle();
        Assert.InRange(probability, 0f, 1f);
    }

    [Fact]
    public void Explain_ReturnsUsage_ForAnUnknownRecord()
    {
        var run = CliRun.Invoke(["explain", "--model", trained.ModelPath, .. TrainedModelFixture.TinyData, "--record", "nope", "--out", trained.NewFolder("explain-nope")]);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("no record 'nope' in the test split", run.Error);
    }

    [Fact]
    public void Train_FailsInOneLine_NamingTheLabelFile_WhenItListsNoRecord()
    {
        string data = trained.NewFolder("empty-cinc2017");
        Directory.CreateDirectory(data);
        File.WriteAllText(Path.Combine(data, "REFERENCE.csv"), "");

        var run = CliRun.Invoke(["train", "--dataset", "cinc2017", "--data", data, "--epochs", "1", "--out", trained.NewFolder("empty-out")]);

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Equal($"erts: error: {Path.Combine(data, "REFERENCE.csv")}: lists no record; expected 'record,label' lines", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public void Train_QuietPrintsOnlyThePathsWritten()
    {
        string folder = trained.NewFolder("quiet");

        var run = CliRun.Invoke(["train", .. TrainedModelFixture.TinyData, "--network", "SmallCnn1d", "--epochs", "1", "--policy", "full",
            "--threads", "1", "--explain-examples", "0", "--out", folder, "--quiet"]);

        Assert.True(run.ExitCode == ExitCodes.Success, run.Error);
        string[] lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal([Path.Combine(folder, "model.zip"), Path.Combine(folder, "report.html")], lines);
    }
}
