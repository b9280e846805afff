using Erts.MLNet.Networks;
using Erts.MLNet.Selection;
using Erts.MLNet.Tests.Explainability;
using Erts.MLNet.Tests.Reliability;
using Erts.MLNet.Training;
using TorchSharp;

namespace Erts.MLNet.Tests.Training;

public class EpochRunnerTests
{
    private static readonly EcgTensorData Train = ToyEcg.Make(perClass: 80, seed: 1).Data;
    private static readonly EcgTensorData Validation = ToyEcg.Make(perClass: 20, seed: 2).Data;

    // TrainingLoopTests' schedule with C0 = 0: epochs 1..4 select, the focus filter runs from epoch 1.
    private static ErtsTrainer.Options Options(bool compact, int scoreReuseEpochs, int epochs = 6)
    {
        var options = TrainingLoopTests.Options("erts-dbpd", epochs);
        options.CamDelayEpochs = 0;
        options.CompactKeptRows = compact;
        options.ScoreReuseEpochs = scoreReuseEpochs;
        return options;
    }

    private static SmallCnn1d NewNetwork() => TrainingLoopTests.NewNetwork();

    private static TrainingReport Run(ErtsTrainer.Options options, SmallCnn1d? network = null) =>
        new TrainingLoop(options).Run(network ?? NewNetwork(), Train, Validation);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Run_SelectsOnTheOriginalMiniBatches_AndCompactsOnlyTheUpdates(bool compact)
    {
        // SRD's choice does not depend on the weights, so both runs must keep exactly the same rows of the same batches.
        var reference = RunRecorded(compact: false);
        var run = RunRecorded(compact);

        Assert.Equal(reference.Batches.Select(batch => batch.Labels), run.Batches.Select(batch => batch.Labels));
        Assert.Equal(reference.Batches.Select(batch => batch.Kept), run.Batches.Select(batch => batch.Kept));
        Assert.Equal([32, 32, 32, 32, 32, 32, 32, 16], run.Batches.Take(8).Select(batch => batch.Count));
        Assert.Equal(run.Batches.Sum(batch => batch.Kept.Length), run.Outcomes.Sum(outcome => outcome.Kept));
        foreach (var outcome in run.Outcomes)
        {
            int expectedSteps = compact
                ? (outcome.Kept + 31) / 32 // every step full but the epoch's last
                : run.Batches.Count / run.Outcomes.Count; // one step per mini-batch (SRD always keeps rows here)
            Assert.Equal(expectedSteps, outcome.UpdateSteps);
        }
    }

    [Fact]
    public void Run_PaysNoConfidencePass_ForSamplesScoredByTheLastEpochsUpdates()
    {
        // k = 1: warm-up epoch 0 scores every sample through its update forward, so epoch 1 needs no pass at all;
        // in epoch 2 only the samples epoch 1 did not train (scores from epoch 0, two epochs old) get a pass.
        var report = Run(Options(compact: true, scoreReuseEpochs: 1));
        var epochs = report.Epochs;

        Assert.Equal(0, epochs[1].ConfidencePassSamples);
        Assert.Equal(Train.Count - epochs[1].SamplesKept, epochs[2].ConfidencePassSamples);
        foreach (var e in epochs.Where(e => e.Phase == "selection"))
        {
            Assert.Equal(Train.Count, e.ConfidencePassSamples + e.ReusedConfidenceSamples);
            Assert.Equal(report.FocusHistograms.Where(h => h.Epoch == e.Epoch).Sum(h => h.Count), e.GradCamSamples + e.ReusedFocusSamples);
        }
        Assert.True(epochs.Sum(e => e.ReusedFocusSamples) > 0, "the CAM fast path should give reusable focus scores");
        Assert.All(epochs.Where(e => e.Phase != "selection"), e => Assert.Equal(0, e.ConfidencePassSamples + e.ReusedConfidenceSamples));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Run_UsesNoScoreOlderThanScoreReuseEpochs(int k)
    {
        var report = Run(Options(compact: true, scoreReuseEpochs: k, epochs: 7));

        Assert.NotEmpty(report.FocusHistograms);
        Assert.All(report.FocusHistograms, h => Assert.InRange(h.MaxScoreAgeEpochs, 0, k));
        Assert.Contains(report.FocusHistograms, h => h.MaxScoreAgeEpochs > 0);
    }

    [Fact]
    public void Run_ComputesFocusOfReusedConfidences_WhenTheNetworkHasNoCamFastPath()
    {
        // Without the fast path the update forward gives confidences only, so a kept sample's focus is computed on
        // request the next epoch (only a focus computed from a confidence pass can be reused).
        var report = new TrainingLoop(Options(compact: true, scoreReuseEpochs: 1)).Run(new GeneralPathOnly(NewNetwork()), Train, Validation);

        Assert.True(report.Epochs.Sum(e => e.ReusedConfidenceSamples) > 0);
        Assert.Equal(report.FocusHistograms.Sum(h => h.Count), report.Epochs.Sum(e => e.GradCamSamples + e.ReusedFocusSamples));
        Assert.True(report.Epochs[1].GradCamSamples > 0 && report.Epochs[1].ReusedFocusSamples == 0,
            "epoch 1 reuses the warm-up's update scores, which carry no focus without the fast path");
        Assert.All(report.FocusHistograms, h => Assert.InRange(h.MaxScoreAgeEpochs, 0, 1));
        Assert.All(report.FocusHistograms, h => Assert.Equal(h.Count, h.FocusCounts.Sum()));
        Assert.All(report.FocusHistograms, h => Assert.InRange(h.FocusSum, 0, h.Count));
    }

    [Fact]
    public void Run_ScoresEverySampleEveryEpoch_WithoutScoreReuse()
    {
        var report = Run(Options(compact: true, scoreReuseEpochs: 0));

        Assert.All(report.Epochs.Where(e => e.Phase == "selection"), e =>
        {
            Assert.Equal(Train.Count, e.ConfidencePassSamples);
            Assert.Equal(0, e.ReusedConfidenceSamples + e.ReusedFocusSamples);
        });
        Assert.All(report.FocusHistograms, h => Assert.Equal(0, h.MaxScoreAgeEpochs));
    }

    [Fact]
    public void Run_LearnsWellAboveChance_WithCompactionAndScoreReuse()
    {
        var report = Run(Options(compact: true, scoreReuseEpochs: 2));
        Assert.True(report.BestValidationMacroF1 > 0.8, $"best validation macro-F1 {report.BestValidationMacroF1:F3}");
        Assert.True(report.EffectiveEpochs < 6, $"effective epochs {report.EffectiveEpochs}");
    }

    [Fact]
    public void Run_IsDeterministic_WithCompactionAndScoreReuse()
    {
        var firstNetwork = NewNetwork();
        var secondNetwork = NewNetwork();
        var first = Run(Options(compact: true, scoreReuseEpochs: 2), firstNetwork);
        var second = Run(Options(compact: true, scoreReuseEpochs: 2), secondNetwork);

        static object Figures(EpochReport e) =>
            (e.SamplesKept, e.ConfidencePassSamples, e.ReusedConfidenceSamples, e.GradCamSamples, e.UpdateSteps, e.TrainLoss, e.ValidationMacroF1);
        Assert.Equal(first.Epochs.Select(Figures), second.Epochs.Select(Figures));
        Assert.Equal(first.FocusHistograms, second.FocusHistograms);
        var secondState = secondNetwork.state_dict();
        foreach (var (name, tensor) in firstNetwork.state_dict())
            Assert.True(tensor.equal(secondState[name]).all().item<bool>(), $"{name} differs");
    }

    [Fact]
    public void Run_ResumedMidSelection_EqualsUninterruptedRunExactly_WithCompactionAndScoreReuse()
    {
        // The score cache carries from epoch to epoch, so it must travel in the checkpoint for the resumed run to match.
        const int batchesPerEpoch = 8; // 240 rows / 32
        var folder = Directory.CreateTempSubdirectory("erts-speed-resume-").FullName;
        try
        {
            ErtsTrainer.Options ResumableOptions(string? checkpointDirectory)
            {
                var options = Options(compact: true, scoreReuseEpochs: 2, epochs: 5);
                options.CheckpointDirectory = checkpointDirectory;
                return options;
            }
            var straightNetwork = NewNetwork();
            var straight = Run(ResumableOptions(null), straightNetwork);

            int checks = 0;
            var interrupted = new TrainingLoop(ResumableOptions(folder), log: null, () => checks++ >= 3 * batchesPerEpoch + 5)
                .Run(NewNetwork(), Train, Validation);
            Assert.Equal(3, interrupted.Epochs.Count);
            var resumedNetwork = NewNetwork();
            var resumed = Run(ResumableOptions(folder), resumedNetwork);

            TrainingResumeTests.AssertSameRun(straight, resumed);
            Assert.Equal(straight.Epochs.Select(e => (e.ReusedConfidenceSamples, e.ReusedFocusSamples, e.UpdateSteps)),
                resumed.Epochs.Select(e => (e.ReusedConfidenceSamples, e.ReusedFocusSamples, e.UpdateSteps)));
            Assert.Contains(resumed.Epochs, e => e.Epoch >= 3 && e.ReusedConfidenceSamples > 0);
            TrainingResumeTests.AssertSameWeights(straightNetwork, resumedNetwork);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static (List<(int Count, int[] Labels, int[] Kept)> Batches, List<EpochOutcome> Outcomes) RunRecorded(bool compact)
    {
        var policy = new RecordingPolicy(new Srd());
        var options = Options(compact, scoreReuseEpochs: 0);
        var network = NewNetwork();
        using var runner = new EpochRunner(network, Train, policy, options, torch.CPU);
        // Late epochs, so SRD keeps floor(0.99^e x 32) = 19 or 18 rows of a full batch.
        var outcomes = Enumerable.Range(50, 2).Select(epoch => runner.Run(epoch, TrainingPhase.Selection, new StopSignal(CancellationToken.None, hostCancelled: null))).ToList();
        return (policy.Batches, outcomes);
    }

    /// <summary>Passes through to a policy and records what it saw and chose.</summary>
    private sealed class RecordingPolicy(ISelectionPolicy inner) : ISelectionPolicy
    {
        public List<(int Count, int[] Labels, int[] Kept)> Batches { get; } = [];

        public string Name => inner.Name;

        public bool UsesConfidence => inner.UsesConfidence;

        public IReadOnlyList<int> Select(SelectionBatch batch)
        {
            var kept = inner.Select(batch);
            Batches.Add((batch.Count, batch.Labels.ToArray(), kept.ToArray()));
            return kept;
        }
    }
}
