using Erts.MLNet.Catalog;
using Erts.MLNet.Tests.Training;
using Erts.MLNet.Training;
using Microsoft.ML;

namespace Erts.MLNet.Tests.Reliability;

/// <summary>
/// Training data beyond <see cref="ErtsTrainer.Options.InMemoryDataLimitMegabytes"/> is read from a temporary file:
/// the model is the same bit for bit, and the file is gone when Fit returns. (Resident memory on a view larger than
/// memory is measured by the <c>spilled-fit-memory</c> benchmark, not here.)
/// </summary>
public sealed class SpilledTrainingDataTests : IDisposable
{
    private readonly string _spill = Directory.CreateTempSubdirectory("erts-spill-fit-").FullName;

    public void Dispose() => Directory.Delete(_spill, recursive: true);

    private ErtsTrainer.Options Options(int? limit, IDataView? validation = null)
    {
        var options = ErtsTrainerReliabilityTests.Options();
        options.ValidationSet = validation;
        options.InMemoryDataLimitMegabytes = limit;
        options.SpillDirectory = _spill;
        return options;
    }

    // Unlinked at creation on Linux and macOS (nothing survives a killed process); named until closed on Windows.
    private static int OpenSpillFilesVisible(int open) => OperatingSystem.IsWindows() ? open : 0;

    private static (List<float[]> Scores, TrainingReport Report) Fit(MLContext mlContext, IDataView data, ErtsTrainer.Options options)
    {
        using var model = mlContext.MulticlassClassification.Trainers.Erts(options).Fit(data);
        return (ErtsTrainerTestRows.Scores(model.Transform(data)), model.Report!);
    }

    /// <summary>Fits with every row on disk, recording the spill log lines and the files visible in the spill folder after each epoch.</summary>
    private (List<float[]> Scores, TrainingReport Report, List<string> SpillMessages, List<int> FilesDuringTraining) FitOnDisk(
        MLContext mlContext, IDataView data, IDataView? validation = null)
    {
        var messages = new List<string>();
        mlContext.Log += (_, e) => { if (e.Message.Contains("temporary file", StringComparison.Ordinal)) messages.Add(e.Message); };
        var files = new List<int>();
        var options = Options(limit: 0, validation);
        options.Progress = new InlineProgress<EpochReport>(_ => files.Add(Directory.GetFiles(_spill).Length));
        var (scores, report) = Fit(mlContext, data, options);
        return (scores, report, messages, files);
    }

    [Fact]
    public void Fit_GivesTheSameModel_WhenEveryRowIsReadFromDisk()
    {
        var mlContext = new MLContext(seed: 1);
        var data = ErtsTrainerTestRows.Keyed(mlContext, ErtsTrainerTestRows.View(mlContext, count: 90));
        var (inMemoryScores, inMemoryReport) = Fit(mlContext, data, Options(limit: null));

        var (onDiskScores, onDiskReport, messages, filesDuringTraining) = FitOnDisk(mlContext, data);

        Assert.Equal(inMemoryScores, onDiskScores);
        TrainingResumeTests.AssertSameRun(inMemoryReport, onDiskReport);
        Assert.Contains(onDiskReport.FocusHistograms, h => !h.Kept); // ERTS's focus filter read its rows from disk too
        Assert.Contains(messages, m => m.Contains(_spill, StringComparison.Ordinal));
        Assert.Equal(Enumerable.Repeat(OpenSpillFilesVisible(1), onDiskReport.Epochs.Count), filesDuringTraining);
        Assert.Empty(Directory.GetFiles(_spill));
    }

    [Fact]
    public void Fit_SpillsTheValidationSetToo_AndDeletesBothFiles()
    {
        var mlContext = new MLContext(seed: 1);
        var train = ErtsTrainerTestRows.Keyed(mlContext, ErtsTrainerTestRows.View(mlContext, count: 60));
        var validation = ErtsTrainerTestRows.Keyed(mlContext, ErtsTrainerTestRows.View(mlContext, count: 30, seed: 2));
        var (inMemoryScores, _) = Fit(mlContext, train, Options(limit: null, validation));

        var (onDiskScores, report, messages, filesDuringTraining) = FitOnDisk(mlContext, train, validation);

        Assert.Equal(inMemoryScores, onDiskScores);
        Assert.Contains(messages, m => m.Contains(_spill, StringComparison.Ordinal));
        Assert.Equal(Enumerable.Repeat(OpenSpillFilesVisible(2), report.Epochs.Count), filesDuringTraining);
        Assert.Empty(Directory.GetFiles(_spill));
    }

    [Fact]
    public void Erts_Throws_WhenTheMemoryLimitIsNegative()
    {
        var options = Options(limit: -1);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new MLContext().MulticlassClassification.Trainers.Erts(options));
        Assert.Contains("InMemoryDataLimitMegabytes", error.Message);
    }
}
