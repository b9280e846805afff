using System.Security.Cryptography;
using Erts.MLNet.Explainability;
using Erts.MLNet.Networks;
using Erts.MLNet.Selection;
using Erts.MLNet.Tests.Training;
using Erts.MLNet.Training;
using TorchSharp;

namespace Erts.MLNet.Tests.Reliability;

/// <summary>
/// Checkpoint and resume of <see cref="TrainingLoop"/>: an interrupted run resumed from its checkpoint ends exactly
/// where the uninterrupted run ends (CPU, one thread), and a checkpoint of another run or a damaged one is refused.
/// </summary>
public sealed class TrainingResumeTests : IDisposable
{
    private const int BatchesPerEpoch = 8; // 240 rows / 32

    private static readonly EcgTensorData Train = ToyEcg.Make(perClass: 80, seed: 1).Data;
    private static readonly EcgTensorData Validation = ToyEcg.Make(perClass: 20, seed: 2).Data;

    private readonly string _folder = Directory.CreateTempSubdirectory("erts-resume-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string CheckpointFile => Path.Combine(_folder, TrainingCheckpoint.FileName);

    // erts-smrd exercises everything that carries state: random draws (SMRD), Grad-CAM focus (from epoch 2),
    // AdamW moments, the learning-rate decay, BatchNorm statistics and the best-epoch choice.
    private ErtsTrainer.Options Options(bool checkpoint = true)
    {
        var options = TrainingLoopTests.Options("erts-smrd", epochs: 4);
        options.CheckpointDirectory = checkpoint ? _folder : null;
        return options;
    }

    private static SmallCnn1d NewNetwork() => TrainingLoopTests.NewNetwork();

    /// <summary>A stop source that trips before the given batch (0-based, counted over the whole run).</summary>
    private static Func<bool> StopBeforeBatch(int batch)
    {
        int checks = 0;
        return () => checks++ >= batch;
    }

    [Fact]
    public void Run_ResumedAfterInterruption_EqualsUninterruptedRunExactly()
    {
        var straightNetwork = NewNetwork();
        var straight = new TrainingLoop(Options(checkpoint: false)).Run(straightNetwork, Train, Validation);

        // Interrupted three batches into epoch 2 (the first with Grad-CAM): epochs 0 and 1 are on disk.
        var interrupted = new TrainingLoop(Options(), log: null, StopBeforeBatch(2 * BatchesPerEpoch + 3)).Run(NewNetwork(), Train, Validation);
        Assert.True(interrupted.Cancelled);
        Assert.Equal(2, interrupted.Epochs.Count);

        var lines = new List<string>();
        var resumedNetwork = NewNetwork();
        var resumed = new TrainingLoop(Options(), lines.Add).Run(resumedNetwork, Train, Validation);

        Assert.StartsWith("resuming from", lines[0]);
        Assert.Equal(3, lines.Count); // the resume line and epochs 2 and 3
        Assert.False(resumed.Cancelled);
        AssertSameRun(straight, resumed);
        AssertSameWeights(straightNetwork, resumedNetwork);
    }

    [Fact]
    public void Run_ResumedAfterInterruption_EqualsUninterruptedRunExactly_WithWindowsAugmentationAndCosine()
    {
        ErtsTrainer.Options Recipe(bool checkpoint)
        {
            var options = Options(checkpoint);
            options.TrainingWindow = 96;
            options.InferenceStride = 16;
            options.Augmentation = new EcgAugmentation { AmplitudeScale = 0.2f, NoiseStandardDeviation = 0.05f, BaselineWanderAmplitude = 0.1f, MaxTimeShift = 4 };
            options.LearningRateSchedule = LearningRateSchedule.WarmupCosine;
            options.HeadDropout = 0.2f;
            options.LabelSmoothing = 0.1f;
            return options;
        }
        var straightNetwork = NewNetwork();
        var straight = new TrainingLoop(Recipe(checkpoint: false)).Run(straightNetwork, Train, Validation);

        var interrupted = new TrainingLoop(Recipe(checkpoint: true), log: null, StopBeforeBatch(2 * BatchesPerEpoch + 3)).Run(NewNetwork(), Train, Validation);
        Assert.True(interrupted.Cancelled);
        var resumedNetwork = NewNetwork();
        var resumed = new TrainingLoop(Recipe(checkpoint: true)).Run(resumedNetwork, Train, Validation);

        AssertSameRun(straight, resumed);
        AssertSameWeights(straightNetwork, resumedNetwork);
        Assert.NotEqual(straight.Epochs[0].LearningRate, straight.Epochs[1].LearningRate);
    }

    [Fact]
    public void Run_ReturnsTheFinishedRun_WhenTheCheckpointIsComplete()
    {
        var first = new TrainingLoop(Options()).Run(NewNetwork(), Train, Validation);
        var network = NewNetwork();
        var lines = new List<string>();

        var again = new TrainingLoop(Options(), lines.Add).Run(network, Train, Validation);

        Assert.Equal(["resuming from '" + CheckpointFile + "' after epoch 4/4"], lines);
        AssertSameRun(first, again);
        var predictions = WindowedInference.Predict(network, Validation, Validation.Samples, Validation.Samples, torch.CPU);
        Assert.Equal(again.BestValidationMacroF1, ClassificationMetrics.FromPredictions(Validation.Labels, predictions, Validation.Classes).MacroF1, 12);
    }

    [Fact]
    public void Run_LeavesTheLastCheckpointIntact_WhenCancelledMidEpoch()
    {
        byte[]? afterEpoch1 = null;
        var options = Options();
        options.Progress = new InlineProgress<EpochReport>(report => { if (report.Epoch == 1) afterEpoch1 = File.ReadAllBytes(CheckpointFile); });

        new TrainingLoop(options, log: null, StopBeforeBatch(2 * BatchesPerEpoch + 5)).Run(NewNetwork(), Train, Validation);

        Assert.Equal(afterEpoch1, File.ReadAllBytes(CheckpointFile));
        Assert.Equal([CheckpointFile], Directory.GetFiles(_folder)); // no temporary file left behind
    }

    [Fact]
    public void Run_StopsBeforeTheFirstBatch_WhenTheTokenIsAlreadyCancelled()
    {
        var options = Options();
        options.CancellationToken = new CancellationToken(canceled: true);

        var report = new TrainingLoop(options).Run(NewNetwork(), Train, Validation);

        Assert.True(report.Cancelled);
        Assert.Empty(report.Epochs);
        Assert.False(File.Exists(CheckpointFile));
    }

    public static TheoryData<Action<ErtsTrainer.Options>, string> OtherRuns => new()
    {
        { o => o.LearningRate = 1e-3, "LearningRate is 0.001 now but 0.003 in the checkpoint" },
        { o => o.Epochs = 6, "Epochs is 6 now but 4 in the checkpoint" },
        { o => o.SelectionPolicy = "dbpd", "SelectionPolicy is dbpd now but erts-smrd in the checkpoint" },
        { o => o.Seed = 1, "Seed is 1 now but 42 in the checkpoint" },
        { o => o.ReliabilityRanking = ReliabilityRanking.Focus, "ReliabilityRanking is Focus now but ConfidenceTimesFocus in the checkpoint" },
        { o => o.FocusResolution = FocusResolution.Input, "FocusResolution is Input now but ExplainedLayer in the checkpoint" },
        { o => o.TrainingWindow = 96, "TrainingWindow is 96 now but whole input in the checkpoint" },
        { o => o.Augmentation = EcgAugmentation.Light, "Augmentation is amplitude ±0.2, noise sd 0.05, wander ≤ 0, shift ≤ 0 now but none in the checkpoint" },
        { o => o.LearningRateSchedule = LearningRateSchedule.WarmupCosine, "LearningRateSchedule is WarmupCosine now but ExponentialDecay in the checkpoint" },
    };

    [Theory]
    [MemberData(nameof(OtherRuns))]
    public void Run_Throws_NamingTheDifference_WhenTheCheckpointIsOfAnotherRun(Action<ErtsTrainer.Options> change, string difference)
    {
        WriteCheckpointOfOneEpoch();
        var options = Options();
        change(options);

        var error = Assert.Throws<TrainingCheckpointException>(() => new TrainingLoop(options).Run(NewNetwork(), Train, Validation));

        Assert.Contains(difference, error.Message);
        Assert.Contains("different run", error.Message);
        Assert.Equal(CheckpointFile, error.FilePath);
    }

    [Fact]
    public void Run_Throws_WhenTheCheckpointIsOfOtherDataOrAnotherNetwork()
    {
        WriteCheckpointOfOneEpoch();
        var otherData = ToyEcg.Make(perClass: 80, seed: 3).Data;

        var dataError = Assert.Throws<TrainingCheckpointException>(() => new TrainingLoop(Options()).Run(NewNetwork(), otherData, Validation));
        var networkError = Assert.Throws<TrainingCheckpointException>(() =>
            new TrainingLoop(Options()).Run(new SmallCnn1d(leads: 1, classes: 3, width: 16), Train, Validation));

        Assert.Contains("training data is 240 ECGs", dataError.Message);
        Assert.Contains("network layout is", networkError.Message);
    }

    [Theory]
    [InlineData("flip")]
    [InlineData("truncate")]
    [InlineData("empty")]
    public void Run_Throws_WhenTheCheckpointIsDamaged(string damage)
    {
        WriteCheckpointOfOneEpoch();
        var bytes = File.ReadAllBytes(CheckpointFile);
        File.WriteAllBytes(CheckpointFile, damage switch
        {
            "flip" => Flip(bytes, bytes.Length / 2),
            "truncate" => bytes[..(bytes.Length - 100)],
            _ => [],
        });

        var error = Assert.Throws<TrainingCheckpointException>(() => new TrainingLoop(Options()).Run(NewNetwork(), Train, Validation));
        Assert.Contains(damage == "empty" ? "truncated" : "checksum does not match", error.Message);
    }

    [Fact]
    public void Run_Throws_SayingToDeleteIt_WhenTheCheckpointIsOfAnOlderFormat()
    {
        // Format 2 held one focus observation per scored candidate; format 3 holds histograms.
        WriteCheckpointOfOneEpoch();
        var bytes = File.ReadAllBytes(CheckpointFile);
        BitConverter.TryWriteBytes(bytes.AsSpan(8), 2); // after "ERTSCKPT"
        File.WriteAllBytes(CheckpointFile, CheckpointBytes.WithHash(bytes[..^SHA256.HashSizeInBytes]));

        var error = Assert.Throws<TrainingCheckpointException>(() => new TrainingLoop(Options()).Run(NewNetwork(), Train, Validation));

        Assert.Contains("made by an older version of Erts.MLNet (format 2; this one reads 3)", error.Message);
        Assert.Contains("Delete it to start the run over", error.Message);
    }

    private void WriteCheckpointOfOneEpoch() =>
        new TrainingLoop(Options(), log: null, StopBeforeBatch(BatchesPerEpoch)).Run(NewNetwork(), Train, Validation);

    private static byte[] Flip(byte[] bytes, int at)
    {
        bytes[at] ^= 0x10;
        return bytes;
    }

    /// <summary>Every figure of every epoch except the wall-clock timings, the focus histograms and the best epoch, exactly.</summary>
    internal static void AssertSameRun(TrainingReport expected, TrainingReport actual)
    {
        static object Figures(EpochReport e) => (e.Epoch, e.Phase, e.SamplesSeen, e.SamplesKept, e.CumulativeEffectiveEpochs,
            e.ConfidencePassSamples, e.GradCamSamples, e.TrainLoss, e.ValidationMacroF1, e.ValidationAccuracy, e.LearningRate);
        Assert.Equal(expected.Epochs.Select(Figures), actual.Epochs.Select(Figures));
        Assert.Equal(expected.FocusHistograms, actual.FocusHistograms);
        Assert.Equal(expected.BestEpoch, actual.BestEpoch);
    }

    internal static void AssertSameWeights(torch.nn.Module expected, torch.nn.Module actual)
    {
        var actualState = actual.state_dict();
        foreach (var (name, tensor) in expected.state_dict())
            Assert.True(tensor.equal(actualState[name]).all().item<bool>(), $"{name} differs");
    }
}
