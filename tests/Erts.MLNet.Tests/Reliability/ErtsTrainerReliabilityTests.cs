using System.Reflection;
using Erts.MLNet.Catalog;
using Erts.MLNet.Networks;
using Erts.MLNet.Tests.Training;
using Erts.MLNet.Training;
using Microsoft.ML;

namespace Erts.MLNet.Tests.Reliability;

/// <summary>
/// Determinism, cancellation and resume through the ML.NET surface (<see cref="ErtsTrainer.Fit"/>), as a user
/// meets them: same seed and threads give the same model, ML.NET's cancellation stops training, and a later Fit
/// resumes from the checkpoint folder to the model an uninterrupted Fit gives.
/// </summary>
/// <remarks>
/// <c>MLContext.CancelExecution()</c> is internal in ML.NET 5 (AutoML calls it when an experiment runs out of time),
/// so the test calls it as AutoML does, by its name; user code cancels through <see cref="ErtsTrainer.Options.CancellationToken"/>.
/// </remarks>
public sealed class ErtsTrainerReliabilityTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("erts-fit-resume-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>A small, fast ERTS run (SmallCnn1d, erts-smrd with the focus filter on from epoch 2, 3 epochs, 1 thread).</summary>
    internal static ErtsTrainer.Options Options(string? checkpointDirectory = null) => new()
    {
        Network = Backbone.SmallCnn1d,
        SelectionPolicy = "erts-smrd",
        Epochs = 3,
        WarmupEpochs = 1,
        CamDelayEpochs = 0,
        RevisionStartEpoch = 3,
        BatchSize = 16,
        LearningRate = 3e-3,
        ConfidenceThreshold = 0.7f,
        ValidationFraction = 0.2f,
        Threads = 1,
        CheckpointDirectory = checkpointDirectory,
    };

    private static (ErtsTransformer Model, List<float[]> Scores) Fit(MLContext mlContext, ErtsTrainer.Options options)
    {
        var data = ErtsTrainerTestRows.Keyed(mlContext, ErtsTrainerTestRows.View(mlContext, count: 60));
        var model = mlContext.MulticlassClassification.Trainers.Erts(options).Fit(data);
        return (model, ErtsTrainerTestRows.Scores(model.Transform(data)));
    }

    private static void CancelExecution(MLContext mlContext) =>
        typeof(MLContext).GetMethod(nameof(CancelExecution), BindingFlags.NonPublic | BindingFlags.Instance)!.Invoke(mlContext, null);

    [Fact]
    public void Fit_GivesIdenticalModelsAndReports_ForTheSameSeedAndThreads()
    {
        var (first, firstScores) = Fit(new MLContext(seed: 1), Options());
        var (second, secondScores) = Fit(new MLContext(seed: 2), Options()); // ML.NET's seed plays no part
        using (first)
        using (second)
        {
            Assert.Equal(firstScores, secondScores);
            TrainingResumeTests.AssertSameRun(first.Report!, second.Report!);
            Assert.Contains(first.Report!.FocusHistograms, h => !h.Kept); // the focus filter did run
        }
    }

    [Fact]
    public void Fit_StopsAndReturnsBestSoFar_WhenTheContextIsCancelled_AndALaterFitResumesToTheSameModel()
    {
        var (straight, straightScores) = Fit(new MLContext(seed: 1), Options());

        var cancelledContext = new MLContext(seed: 1);
        var options = Options(_folder);
        options.Progress = new InlineProgress<EpochReport>(report => { if (report.Epoch == 0) CancelExecution(cancelledContext); });
        var (cancelled, _) = Fit(cancelledContext, options);

        var (resumed, resumedScores) = Fit(new MLContext(seed: 1), Options(_folder));
        using (straight)
        using (cancelled)
        using (resumed)
        {
            Assert.True(cancelled.Report!.Cancelled);
            Assert.Single(cancelled.Report.Epochs);
            Assert.False(resumed.Report!.Cancelled);
            TrainingResumeTests.AssertSameRun(straight.Report!, resumed.Report);
            Assert.Equal(straightScores, resumedScores);
        }
    }

    [Fact]
    public void Fit_StopsWithinOneBatch_WhenTheTokenIsCancelled()
    {
        using var source = new CancellationTokenSource();
        var options = Options(_folder);
        options.CancellationToken = source.Token;
        options.Progress = new InlineProgress<EpochReport>(report => { if (report.Epoch == 1) source.Cancel(); });

        var (model, _) = Fit(new MLContext(seed: 1), options);

        using (model)
        {
            Assert.True(model.Report!.Cancelled);
            Assert.Equal(2, model.Report.Epochs.Count);
            Assert.True(File.Exists(Path.Combine(_folder, TrainingCheckpoint.FileName)));
        }
    }

    [Fact]
    public void Fit_Throws_WhenTheCheckpointFolderIsBlank()
    {
        var error = Assert.Throws<ArgumentException>(() => new MLContext().MulticlassClassification.Trainers.Erts(Options(checkpointDirectory: " ")));
        Assert.Equal(nameof(ErtsTrainer.Options.CheckpointDirectory), error.ParamName);
    }
}
