using Erts.Experiments.Grid;
using Erts.MLNet.Networks;
using Erts.MLNet.Training;
using TorchSharp;

namespace Erts.MLNet.Tests.Training;

public class TrainingLoopTests
{
    private static readonly EcgTensorData Train = ToyEcg.Make(perClass: 80, seed: 1).Data;
    private static readonly EcgTensorData Validation = ToyEcg.Make(perClass: 20, seed: 2).Data;

    // W = 1, C0 = 1, revision in the last epoch: epochs 1..4 select, the focus filter runs from epoch 2.
    internal static ErtsTrainer.Options Options(string policy, int epochs = 6) => new()
    {
        Network = Backbone.SmallCnn1d,
        SelectionPolicy = policy,
        Epochs = epochs,
        WarmupEpochs = 1,
        CamDelayEpochs = 1,
        RevisionStartEpoch = ErtsTrainer.Options.RevisionLastEpochOnly,
        BatchSize = 32,
        LearningRate = 3e-3,
        Threads = 1,
        // τ = 0.3 would drop every row of a 3-class problem while probabilities are still near 1/3.
        ConfidenceThreshold = 0.7f,
    };

    internal static SmallCnn1d NewNetwork()
    {
        torch.manual_seed(7);
        return new SmallCnn1d(leads: 1, classes: ToyEcg.ClassNames.Length, width: 8);
    }

    private static TrainingReport Run(ErtsTrainer.Options options, SmallCnn1d? network = null) =>
        new TrainingLoop(options).Run(network ?? NewNetwork(), Train, Validation);

    [Theory]
    [InlineData("full")]
    [InlineData("dbpd")]
    [InlineData("smrd")]
    [InlineData("srd")]
    [InlineData("erts-dbpd")]
    [InlineData("erts-smrd")]
    [InlineData("erts-srd")]
    public void Run_LearnsWellAboveChance_ForEveryPolicy(string policy)
    {
        var report = Run(Options(policy));
        Assert.True(report.BestValidationMacroF1 > 0.8, $"{policy}: best validation macro-F1 {report.BestValidationMacroF1:F3}");
        Assert.Equal(policy, report.Policy);
        Assert.Equal(6, report.Epochs.Count);
        if (policy == "full") Assert.Equal(6.0, report.EffectiveEpochs, 12);
        else Assert.True(report.EffectiveEpochs < 6, $"{policy}: effective epochs {report.EffectiveEpochs}");
    }

    [Fact]
    public void Run_ReportsPhasesCountsAndLearningRate()
    {
        var report = Run(Options("dbpd"));
        Assert.Equal(["warmup", "selection", "selection", "selection", "selection", "revision"], report.Epochs.Select(e => e.Phase));
        Assert.All(report.Epochs, e => Assert.Equal(Train.Count, e.SamplesSeen));
        // Warm-up and revision train on everything and skip the confidence pass; selection pays it on every sample.
        Assert.Equal([0, Train.Count, Train.Count, Train.Count, Train.Count, 0], report.Epochs.Select(e => e.ConfidencePassSamples));
        Assert.Equal(Train.Count, report.Epochs[0].SamplesKept);
        Assert.Equal(Train.Count, report.Epochs[^1].SamplesKept);
        Assert.All(report.Epochs, e => Assert.Equal(0, e.GradCamSamples));
        Assert.Empty(report.FocusHistograms);
        double cumulative = report.Epochs.Sum(e => (double)e.SamplesKept) / Train.Count;
        Assert.Equal(cumulative, report.EffectiveEpochs, 12);
        Assert.Equal(3e-3 * Math.Pow(0.98, 5), report.Epochs[5].LearningRate, 9);
        Assert.Equal((Train.Count, Validation.Count, 1, 42), (report.TrainingSetSize, report.ValidationSetSize, report.Threads, report.Seed));
        Assert.False(report.Cancelled);
    }

    [Fact]
    public void Run_ScoresFocusOfCandidatesOnly_FromWarmupPlusCamDelay()
    {
        var report = Run(Options("erts-dbpd"));
        var gradCamSamples = report.Epochs.Select(e => e.GradCamSamples).ToArray();
        Assert.Equal([0, 0], gradCamSamples[..2]); // warm-up epoch 0; epoch 1 < W + C0 = 2
        Assert.True(gradCamSamples[2] > 0);
        Assert.Equal(0, gradCamSamples[^1]);     // revision
        Assert.All(report.Epochs, e => Assert.True(e.GradCamSamples <= e.ConfidencePassSamples));
        Assert.Equal(gradCamSamples.Sum(), report.FocusHistograms.Sum(h => h.Count));
        Assert.All(report.FocusHistograms, h =>
        {
            Assert.Equal(h.Count, h.FocusCounts.Sum());
            Assert.InRange(h.FocusSum, 0, h.Count); // every focus in [0, 1]
            Assert.Equal(h.Count, h.ConfidenceCounts.Sum());
            Assert.True(h.ConfidenceCounts.Skip(70).All(count => count == 0), "only candidates (p < τ = 0.7) are scored");
            Assert.False(h.Flagged);
        });
        // Kept candidates are a subset of the rows trained (batches with a single candidate keep it unscored).
        Assert.InRange(report.FocusHistograms.Where(h => h.Epoch == 2 && h.Kept).Sum(h => h.Count), 1, report.Epochs[2].SamplesKept);
        Assert.Contains(report.FocusHistograms, h => !h.Kept);
        Assert.Equal(report.FocusHistograms.OrderBy(h => h.Epoch).ThenBy(h => !h.Kept), report.FocusHistograms);
    }

    [Fact]
    public void Run_DropsSamplesEnrichedInFlippedLabels_ComparedWithARandomChoice()
    {
        // 20 % of the labels flipped; a flipped example keeps its true class's event. Reference τ = 0.3.
        var (train, flipped) = ToyEcg.Make(perClass: 100, seed: 1, flipFraction: 0.2);
        var options = Options("erts-dbpd", epochs: 7);
        (options.ConfidenceThreshold, options.WarmupEpochs, options.RevisionStartEpoch) = (0.3f, 2, 7);
        options.FocusFlaggedRows = flipped;
        var report = new TrainingLoop(options).Run(NewNetwork(), train, Validation);

        int dropped = report.FocusHistograms.Where(h => !h.Kept).Sum(h => h.Count);
        Assert.True(dropped >= 10, $"only {dropped} samples were filtered out");
        double flippedAmongDropped = report.FocusHistograms.Where(h => !h.Kept && h.Flagged).Sum(h => h.Count) / (double)dropped;
        double flippedInRandomChoice = flipped.Count(f => f) / (double)flipped.Length; // expected share of a random subset
        double enrichment = flippedAmongDropped / flippedInRandomChoice;
        Assert.True(enrichment > 1.3, $"enrichment {enrichment:F2} ({flippedAmongDropped:P0} flipped among {dropped} dropped vs {flippedInRandomChoice:P0})");
    }

    [Fact]
    public void Run_ScoresFlippedLabelCandidatesWithLowerFocus_ThanCleanOnes()
    {
        // The explanation signal itself: Grad-CAM of a wrong label on a signal without that class's event is diffuse.
        var (train, flipped) = ToyEcg.Make(perClass: 100, seed: 1, flipFraction: 0.2);
        var options = Options("erts-dbpd", epochs: 5);
        (options.WarmupEpochs, options.CamDelayEpochs, options.RevisionStartEpoch) = (2, 0, 5);
        options.FocusFlaggedRows = flipped;
        var report = new TrainingLoop(options).Run(NewNetwork(), train, validation: null);

        // Probability that a clean candidate out-focuses a flipped one (ROC AUC from the histograms, same bin = tie).
        var analysis = FlipAnalysis.From(report.FocusHistograms)!;
        Assert.True(analysis.FocusAuc > 0.7, $"AUC {analysis.FocusAuc:F3} over {analysis.FlippedCandidates} flipped and {analysis.CleanCandidates} clean candidates");
    }

    [Fact]
    public void Run_IsDeterministic_ForTheSameSeedAndThreads()
    {
        var firstNetwork = NewNetwork();
        var secondNetwork = NewNetwork();
        var first = Run(Options("smrd"), firstNetwork);
        var second = Run(Options("smrd"), secondNetwork);

        static object Figures(EpochReport e) => (e.SamplesKept, e.ConfidencePassSamples, e.TrainLoss, e.ValidationMacroF1, e.LearningRate);
        Assert.Equal(first.Epochs.Select(Figures), second.Epochs.Select(Figures));
        var secondState = secondNetwork.state_dict();
        foreach (var (name, tensor) in firstNetwork.state_dict())
            Assert.True(tensor.equal(secondState[name]).all().item<bool>(), $"{name} differs");
    }

    [Fact]
    public void Run_LeavesBestEpochWeights_InEvalMode()
    {
        var network = NewNetwork();
        var report = Run(Options("dbpd"), network);

        var bestEpoch = report.Epochs.Select((e, i) => (e.ValidationMacroF1, i)).MaxBy(pair => pair.ValidationMacroF1).i;
        Assert.Equal(bestEpoch, report.BestEpoch);
        Assert.False(network.training);
        var predictions = WindowedInference.Predict(network, Validation, Validation.Samples, Validation.Samples, torch.CPU);
        Assert.Equal(report.BestValidationMacroF1, ClassificationMetrics.FromPredictions(Validation.Labels, predictions, Validation.Classes).MacroF1, 12);
    }

    [Fact]
    public void Run_KeepsLastEpoch_WithoutValidation()
    {
        var report = new TrainingLoop(Options("full", epochs: 2)).Run(NewNetwork(), Train, validation: null);
        Assert.Equal(1, report.BestEpoch);
        Assert.Equal(0, report.ValidationSetSize);
        Assert.True(double.IsNaN(report.BestValidationMacroF1));
    }

    [Fact]
    public void Run_StopsWithinOneBatch_AndKeepsBestWeights_WhenCancelled()
    {
        using var cancellation = new CancellationTokenSource();
        var options = Options("dbpd");
        options.CancellationToken = cancellation.Token;
        options.Progress = new InlineProgress<EpochReport>(report => { if (report.Epoch == 1) cancellation.Cancel(); });
        var network = NewNetwork();

        var report = new TrainingLoop(options).Run(network, Train, Validation);

        Assert.True(report.Cancelled);
        Assert.Equal(2, report.Epochs.Count);
        var predictions = WindowedInference.Predict(network, Validation, Validation.Samples, Validation.Samples, torch.CPU);
        Assert.Equal(report.BestValidationMacroF1, ClassificationMetrics.FromPredictions(Validation.Labels, predictions, Validation.Classes).MacroF1, 12);
    }

    [Theory]
    [InlineData("dbpd")]
    [InlineData("full")]
    [InlineData("erts-dbpd")]
    public void Run_KeepsLiveTensorCountFlat_AcrossEpochs(string policy)
    {
        // Tensors created and not disposed on the training thread (a finalizer running elsewhere does not hide a leak).
        var liveTensors = new Dictionary<int, long>();
        var options = Options(policy, epochs: 7);
        options.RevisionStartEpoch = 7;
        options.Progress = new InlineProgress<EpochReport>(report => liveTensors[report.Epoch] = DisposeScopeManager.Statistics.ThreadTotalLiveCount);
        Run(options);
        Assert.Equal(liveTensors[2], liveTensors[6]);
    }

    [Fact]
    public void Run_WritesOneLogLinePerEpoch()
    {
        var lines = new List<string>();
        new TrainingLoop(Options("srd", epochs: 2), lines.Add).Run(NewNetwork(), Train, Validation);
        Assert.Equal(2, lines.Count);
        Assert.StartsWith("epoch 1/2 [warmup] kept 240/240", lines[0]);
    }

    [Fact]
    public void Run_RestoresTheHostThreadCount()
    {
        int before = torch.get_num_threads();
        var options = Options("full", epochs: 1);
        options.Threads = before == 1 ? 2 : 1;
        var report = Run(options);
        Assert.Equal(options.Threads, report.Threads);
        Assert.Equal(before, torch.get_num_threads());
    }

    public static TheoryData<Action<ErtsTrainer.Options>, string> InvalidOptions => new()
    {
        { o => o.Epochs = 0, nameof(ErtsTrainer.Options.Epochs) },
        { o => o.WarmupEpochs = -1, nameof(ErtsTrainer.Options.WarmupEpochs) },
        { o => o.RevisionStartEpoch = -2, nameof(ErtsTrainer.Options.RevisionStartEpoch) },
        { o => o.CamDelayEpochs = -1, nameof(ErtsTrainer.Options.CamDelayEpochs) },
        { o => o.ConfidenceThreshold = 1.5f, nameof(ErtsTrainer.Options.ConfidenceThreshold) },
        { o => o.KeepFraction = 0f, nameof(ErtsTrainer.Options.KeepFraction) },
        { o => o.BatchSize = 0, nameof(ErtsTrainer.Options.BatchSize) },
        { o => o.LearningRate = 0, nameof(ErtsTrainer.Options.LearningRate) },
        { o => o.WeightDecay = -0.1, nameof(ErtsTrainer.Options.WeightDecay) },
        { o => o.LearningRateDecay = 1.5, nameof(ErtsTrainer.Options.LearningRateDecay) },
        { o => o.ClassBalancedBeta = 1, nameof(ErtsTrainer.Options.ClassBalancedBeta) },
        { o => o.Threads = 0, nameof(ErtsTrainer.Options.Threads) },
        { o => o.ValidationFraction = 0.6f, nameof(ErtsTrainer.Options.ValidationFraction) },
        { o => o.SelectionPolicy = "pdd", nameof(ErtsTrainer.Options.SelectionPolicy) },
    };

    [Fact]
    public void Run_ThrowsTrainingDivergedException_WhenTheLearningRateIsHuge()
    {
        var options = Options("full", epochs: 2);
        options.LearningRate = 1e30;   // what `erts train --learning-rate 1e30` passes: accepted, it is finite and positive

        var error = Assert.Throws<TrainingDivergedException>(() => Run(options));

        Assert.Equal(0, error.Epoch);
        Assert.Contains("Training diverged in epoch 1/2", error.Message);
        Assert.Contains("Lower the learning rate (now 1E+30)", error.Message);
    }

    [Fact]
    public void Run_StopsAtTheFirstNonFiniteLoss_AndLeavesTheLastCheckpoint()
    {
        var folder = Directory.CreateTempSubdirectory("erts-diverged-").FullName;
        try
        {
            var network = NewNetwork();
            var options = Options("full", epochs: 3);
            options.CheckpointDirectory = folder;
            string checkpoint = Path.Combine(folder, TrainingCheckpoint.FileName);
            byte[]? afterEpoch1 = null;
            // After epoch 1 is saved, a weight turns NaN, as a too-large step would make it.
            options.Progress = new InlineProgress<EpochReport>(report =>
            {
                if (report.Epoch != 0) return;
                afterEpoch1 = File.ReadAllBytes(checkpoint);
                using (torch.no_grad()) network.parameters().First().fill_(float.NaN);
            });

            var error = Assert.Throws<TrainingDivergedException>(() => new TrainingLoop(options).Run(network, Train, Validation));

            Assert.Equal((1, (int?)0), (error.Epoch, error.Step));
            Assert.Contains("epoch 2/3, update step 1: the training loss of a batch of 32 rows is NaN", error.Message);
            Assert.Equal(afterEpoch1, File.ReadAllBytes(checkpoint));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Run_ThrowsTrainingDivergedException_WhenABufferTurnsNonFinite_WithoutANonFiniteLoss()
    {
        // After epoch 1, BatchNorm's running variance turns infinite. Train mode normalises with each batch's own
        // statistics, so epoch 2's losses stay finite: only the check of the weights after the epoch can see it.
        var network = NewNetwork();
        var options = Options("full", epochs: 2);
        options.Progress = new InlineProgress<EpochReport>(report =>
        {
            if (report.Epoch != 0) return;
            using (torch.no_grad())
                foreach (var batchNorm in network.modules().OfType<TorchSharp.Modules.BatchNorm1d>()) batchNorm.running_var!.fill_(float.PositiveInfinity);
        });

        var error = Assert.Throws<TrainingDivergedException>(() => new TrainingLoop(options).Run(network, Train, Validation));

        Assert.Equal((1, (int?)null), (error.Epoch, error.Step));
        Assert.Contains("after its last update step", error.Message);
        Assert.Contains("running_var' holds NaN or infinite values", error.Message);
    }

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Constructor_Throws_NamingOptionRuleAndValue(Action<ErtsTrainer.Options> breakOption, string option)
    {
        var options = new ErtsTrainer.Options();
        breakOption(options);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new TrainingLoop(options));
        Assert.Equal(option, error.ParamName);
        Assert.Contains("must", error.Message);
    }

    [Theory]
    [InlineData("gpu")]
    [InlineData("cuda:x")]
    public void Constructor_Throws_WhenDeviceIsMalformed(string device)
    {
        var error = Assert.Throws<ArgumentException>(() => new TrainingLoop(new ErtsTrainer.Options { Device = device }));
        Assert.Equal(nameof(ErtsTrainer.Options.Device), error.ParamName);
    }

    [Fact]
    public void Run_Throws_NamingTheOption_WhenFocusFlaggedRowsHasNotOneFlagPerRow()
    {
        var options = Options("erts-dbpd");
        options.FocusFlaggedRows = new bool[Train.Count - 1];

        var error = Assert.Throws<ArgumentException>(() => new TrainingLoop(options).Run(NewNetwork(), Train, Validation));

        Assert.Equal(nameof(ErtsTrainer.Options.FocusFlaggedRows), error.ParamName);
        Assert.Contains($"{Train.Count - 1} flags; the training data has {Train.Count} rows", error.Message);
    }

    [SkippableFact]
    public void Constructor_Throws_WhenCudaIsAskedForAndAbsent()
    {
        Skip.If(torch.cuda.is_available(), "CUDA is available on this machine.");
        var error = Assert.Throws<ArgumentException>(() => new TrainingLoop(new ErtsTrainer.Options { Device = "cuda" }));
        Assert.Contains("torch.cuda.is_available()", error.Message);
    }
}
