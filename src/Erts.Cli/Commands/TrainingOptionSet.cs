using System.CommandLine;
using System.Globalization;
using Erts.Cli.Runs;
using Erts.MLNet.Data.DataViews;
using Erts.MLNet.Explainability;
using Erts.MLNet.Networks;
using Erts.MLNet.Selection;
using Erts.MLNet.Training;
using Defaults = Erts.MLNet.Training.ErtsTrainer.Options.Defaults;

namespace Erts.Cli.Commands;

/// <summary>
/// The trainer options a command exposes (train, compare), each defaulting to <see cref="ErtsTrainer.Options.Defaults"/>
/// and checked when parsed.
/// </summary>
internal sealed class TrainingOptionSet
{
    /// <summary>The selection policies the trainer knows, by name.</summary>
    public static IReadOnlyList<string> PolicyNames => SelectionPolicies.Names;

    /// <summary>The names <c>--lr-schedule</c> takes, with the schedule each stands for.</summary>
    public static IReadOnlyDictionary<string, LearningRateSchedule> ScheduleNames { get; } = new Dictionary<string, LearningRateSchedule>
    {
        ["exponential"] = LearningRateSchedule.ExponentialDecay,
        ["cosine"] = LearningRateSchedule.WarmupCosine,
    };

    /// <summary>The presets <c>--augment</c> takes, with the amounts each stands for.</summary>
    public static IReadOnlyDictionary<string, EcgAugmentation> AugmentationPresets { get; } = new Dictionary<string, EcgAugmentation>
    {
        ["none"] = new EcgAugmentation(),
        ["light"] = EcgAugmentation.Light,
    };

    /// <summary>The network.</summary>
    public Option<Backbone> Network { get; } = new("--network")
    {
        Description = "Network to train: SmallCnn1d, ResNet1d, InceptionTime1d, ResNet18_2d, MobileNetV2_2d, EfficientNetV2S_2d.",
        DefaultValueFactory = _ => Defaults.Network,
    };

    /// <summary>Epochs E.</summary>
    public Option<int> Epochs { get; } = new Option<int>("--epochs")
    {
        Description = $"Epochs E. Warm-up, CAM delay and revision scale with it unless given (reference: {Defaults.WarmupEpochs}/{Defaults.CamDelayEpochs}/{Defaults.RevisionStartEpoch} of {Defaults.Epochs}).",
        DefaultValueFactory = _ => Defaults.Epochs,
    }.AtLeast(1);

    /// <summary>Warm-up epochs W.</summary>
    public Option<int> Warmup { get; } = new Option<int>("--warmup")
    {
        Description = "Warm-up epochs W on all data before selection starts.",
        DefaultValueFactory = _ => Defaults.WarmupEpochs,
    }.AtLeast(0);

    /// <summary>Revision start R.</summary>
    public Option<int> RevisionStart { get; } = new Option<int>("--revision-start")
    {
        Description = "First epoch R (0-based) of the revision phase on all data; -1 = last epoch only; >= epochs = never.",
        DefaultValueFactory = _ => Defaults.RevisionStartEpoch,
    }.AtLeast(-1);

    /// <summary>CAM delay C0.</summary>
    public Option<int> CamDelay { get; } = new Option<int>("--cam-delay")
    {
        Description = "Epochs C0 after warm-up before the Grad-CAM focus filter starts.",
        DefaultValueFactory = _ => Defaults.CamDelayEpochs,
    }.AtLeast(0);

    /// <summary>Selection policy for a single run.</summary>
    public Option<string> Policy { get; } = new Option<string>("--policy")
    {
        Description = "Which samples get a gradient step: " + string.Join(", ", PolicyNames) + ".",
        DefaultValueFactory = _ => Defaults.SelectionPolicy,
    }.OneOf(PolicyNames, "policy");

    /// <summary>Confidence threshold τ.</summary>
    public Option<float> Tau { get; } = new Option<float>("--tau")
    {
        Description = "Confidence threshold tau: a sample is a candidate while p(true class) < tau; 0 = misclassified.",
        DefaultValueFactory = _ => Defaults.ConfidenceThreshold,
    }.Between(0f, 1f);

    /// <summary>Keep fraction ρ.</summary>
    public Option<float> Rho { get; } = new Option<float>("--rho")
    {
        Description = "Keep fraction rho of candidates ranked by (1 - confidence) x focus.",
        DefaultValueFactory = _ => Defaults.KeepFraction,
    }.AboveUpTo(0f, 1f);

    /// <summary>How the focus filter ranks candidates.</summary>
    public Option<ReliabilityRanking> Ranking { get; } = new("--ranking")
    {
        Description = "How ERTS ranks candidates: ConfidenceTimesFocus (the paper's (1 - confidence) x focus) or Focus (focus alone).",
        DefaultValueFactory = _ => Defaults.ReliabilityRanking,
    };

    /// <summary>Where focus is measured.</summary>
    public Option<FocusResolution> FocusResolution { get; } = new("--focus-resolution")
    {
        Description = "Where the focus score reads the Grad-CAM profile: ExplainedLayer (the reference code) or Input (stretched to the " +
                      "input length; use it on short windows such as single beats, where the layer has under 20 time positions).",
        DefaultValueFactory = _ => Defaults.FocusResolution,
    };

    /// <summary>Mini-batch size B.</summary>
    public Option<int> BatchSize { get; } = new Option<int>("--batch-size")
    {
        Description = "Mini-batch size B.",
        DefaultValueFactory = _ => Defaults.BatchSize,
    }.AtLeast(1);

    /// <summary>AdamW learning rate.</summary>
    public Option<double> LearningRate { get; } = new Option<double>("--learning-rate")
    {
        Description = "AdamW learning rate.",
        DefaultValueFactory = _ => Defaults.LearningRate,
    }.Above(0.0);

    /// <summary>Validation hold-out fraction.</summary>
    public Option<float> ValidationFraction { get; } = new Option<float>("--validation-fraction")
    {
        Description = "Share of the training data held out for checkpoint selection when the dataset has no validation split.",
        DefaultValueFactory = _ => Defaults.ValidationFraction,
    }.Between(0f, 0.5f);

    /// <summary>Seed.</summary>
    public Option<int> Seed { get; } = new("--seed")
    {
        Description = "Seed of weights, shuffling, random policies and synthetic data.",
        DefaultValueFactory = _ => Defaults.Seed,
    };

    /// <summary>Torch threads.</summary>
    public Option<int> Threads { get; } = new Option<int>("--threads")
    {
        Description = "Torch intra-op threads (default: all cores).",
        DefaultValueFactory = _ => Environment.ProcessorCount,
    }.AtLeast(1);

    /// <summary>Training window: samples per lead of the network's input.</summary>
    public Option<int> Window { get; } = new Option<int>("--window")
    {
        Description = "Samples per lead of the network's input, at the rate it sees (after --resample): every epoch each training record " +
                      "gives one window of this length drawn at random; validation and test slide windows (--stride) over whole records " +
                      "and average the probabilities. Default: the whole signal. On cinc2017 it implies --whole-records.",
    }.AtLeast(1);

    /// <summary>Step between the sliding windows of scoring.</summary>
    public Option<int> Stride { get; } = new Option<int>("--stride")
    {
        Description = "Step between the sliding windows of validation and test scoring, in samples (default: half of --window). Needs --window.",
    }.AtLeast(1);

    /// <summary>Augmentation preset.</summary>
    public Option<string> Augment { get; } = new Option<string>("--augment")
    {
        Description = "Random changes to every training input each epoch: none, or light (amplitude x U(0.8, 1.2) and Gaussian noise of sd 0.05 " +
                      "on the z-scored signal). --amplitude, --noise, --wander and --shift set single amounts on top of the preset.",
        DefaultValueFactory = _ => "none",
    }.OneOf([.. AugmentationPresets.Keys], "augmentation");

    /// <summary>Augmentation: amplitude scale a.</summary>
    public Option<float> Amplitude { get; } = new Option<float>("--amplitude")
    {
        Description = "Augmentation: every training input is multiplied by one factor drawn from U(1 - a, 1 + a).",
    }.AtLeastBelow(0f, 1f);

    /// <summary>Augmentation: noise standard deviation.</summary>
    public Option<float> Noise { get; } = new Option<float>("--noise")
    {
        Description = "Augmentation: standard deviation of the Gaussian noise added to every sample (z-scored units).",
    }.AtLeast(0f);

    /// <summary>Augmentation: baseline-wander amplitude.</summary>
    public Option<float> Wander { get; } = new Option<float>("--wander")
    {
        Description = "Augmentation: largest amplitude of an added baseline-wander sinusoid (0.5 to 2 cycles per input, z-scored units).",
    }.AtLeast(0f);

    /// <summary>Augmentation: largest time shift.</summary>
    public Option<int> Shift { get; } = new Option<int>("--shift")
    {
        Description = "Augmentation: largest time shift of a training input, in samples (zeros fill what it leaves).",
    }.AtLeast(0);

    /// <summary>Learning-rate schedule.</summary>
    public Option<string> LearningRateScheduleName { get; } = new Option<string>("--lr-schedule")
    {
        Description = "Learning-rate schedule: exponential (x 0.98 after every epoch, the reference code's) or cosine (linear warm-up over " +
                      "--lr-warmup epochs, then cosine decay to 0 at the last epoch).",
        DefaultValueFactory = _ => NameOf(Defaults.LearningRateSchedule),
    }.OneOf([.. ScheduleNames.Keys], "learning-rate schedule");

    /// <summary>Learning-rate warm-up epochs of the cosine schedule.</summary>
    public Option<double> LearningRateWarmup { get; } = new Option<double>("--lr-warmup")
    {
        Description = "Epochs of linear learning-rate warm-up under --lr-schedule cosine (fractions allowed).",
        DefaultValueFactory = _ => Defaults.LearningRateWarmupEpochs,
    }.AtLeast(0.0);

    /// <summary>Dropout before the head.</summary>
    public Option<float> HeadDropout { get; } = new Option<float>("--head-dropout")
    {
        Description = "Dropout probability on the explained layer's activations before the classification head, in training only.",
        DefaultValueFactory = _ => Defaults.HeadDropout,
    }.AtLeastBelow(0f, 1f);

    /// <summary>Label smoothing ε.</summary>
    public Option<float> LabelSmoothing { get; } = new Option<float>("--label-smoothing")
    {
        Description = "Label smoothing epsilon of the cross-entropy (targets 1 - e + e/K and e/K).",
        DefaultValueFactory = _ => Defaults.LabelSmoothing,
    }.AtLeastBelow(0f, 1f);

    /// <summary>Early-stopping patience.</summary>
    public Option<int> Patience { get; } = new Option<int>("--patience")
    {
        Description = "Stop when validation macro-F1 has not improved for this many epochs (the best weights are kept). Default: train every epoch.",
    }.AtLeast(1);

    /// <summary>Fuse the beats' RR context.</summary>
    public Option<bool> Rhythm { get; } = new("--rhythm")
    {
        Description = "mitdb: fuse each beat's RR context (the Rhythm column: RR intervals around the beat over the record's mean) " +
                      "into the network before its head.",
    };

    /// <summary>Resampling before normalisation.</summary>
    public Option<float> Resample { get; } = new Option<float>("--resample")
    {
        Description = "Resample every record to this rate (Hz) before normalising it; the network, --window and --stride then count samples " +
                      "at this rate (e.g. cinc2017 at 100 Hz: --resample 100 --window 1000 draws 10 s windows). Default: the data's own rate.",
    }.Between(1f, 10_000f);

    /// <summary>Adds the options to <paramref name="command"/>; <paramref name="withPolicy"/> false leaves out --policy (compare has --policies).</summary>
    public void AddTo(Command command, bool withPolicy = true)
    {
        command.Options.Add(Network);
        if (withPolicy) command.Options.Add(Policy);
        foreach (var option in new Option[] { Epochs, Warmup, CamDelay, RevisionStart, Tau, Rho, Ranking, FocusResolution, BatchSize, LearningRate, ValidationFraction, Seed, Threads })
            command.Options.Add(option);
        foreach (var option in new Option[]
                 {
                     Window, Stride, Resample, Augment, Amplitude, Noise, Wander, Shift, LearningRateScheduleName, LearningRateWarmup,
                     HeadDropout, LabelSmoothing, Patience, Rhythm,
                 })
            command.Options.Add(option);
    }

    /// <summary>
    /// The trainer options for <paramref name="parseResult"/>. When --epochs is given without the phase options, the phases
    /// follow <see cref="TrainingSchedule.Scaled"/>; options given explicitly always win.
    /// </summary>
    public ErtsTrainer.Options ToTrainerOptions(ParseResult parseResult, string? policy = null, int? seed = null)
    {
        var options = new ErtsTrainer.Options
        {
            Network = parseResult.GetValue(Network),
            SelectionPolicy = policy ?? parseResult.GetValue(Policy)!,
            ConfidenceThreshold = parseResult.GetValue(Tau),
            KeepFraction = parseResult.GetValue(Rho),
            ReliabilityRanking = parseResult.GetValue(Ranking),
            FocusResolution = parseResult.GetValue(FocusResolution),
            BatchSize = parseResult.GetValue(BatchSize),
            LearningRate = parseResult.GetValue(LearningRate),
            ValidationFraction = parseResult.GetValue(ValidationFraction),
            Seed = seed ?? parseResult.GetValue(Seed),
            Threads = parseResult.GetValue(Threads),
            TrainingWindow = ValueIfGiven(parseResult, Window),
            InferenceStride = ValueIfGiven(parseResult, Stride),
            Augmentation = Augmentation(parseResult),
            LearningRateSchedule = ScheduleNames[parseResult.GetValue(LearningRateScheduleName)!],
            LearningRateWarmupEpochs = parseResult.GetValue(LearningRateWarmup),
            HeadDropout = parseResult.GetValue(HeadDropout),
            LabelSmoothing = parseResult.GetValue(LabelSmoothing),
            EarlyStoppingPatience = ValueIfGiven(parseResult, Patience),
            AuxiliaryFeaturesColumnName = parseResult.GetValue(Rhythm) ? EcgColumns.Rhythm : null,
        };
        Schedule(parseResult).ApplyTo(options);
        if (options.InferenceStride != null && options.TrainingWindow == null)
            throw new UsageException($"--stride {options.InferenceStride} needs --window: without it the network sees the whole signal and nothing slides.");
        if (IsGiven(parseResult, LearningRateWarmup) && options.LearningRateSchedule != LearningRateSchedule.WarmupCosine)
            throw new UsageException("--lr-warmup applies to --lr-schedule cosine only.");
        if (options.LearningRateSchedule == LearningRateSchedule.WarmupCosine && options.LearningRateWarmupEpochs > options.Epochs)
            throw new UsageException(string.Create(CultureInfo.InvariantCulture,
                $"--lr-warmup {options.LearningRateWarmupEpochs} is longer than --epochs {options.Epochs}."));
        return options;
    }

    /// <summary>True when the command line asks for a training window (cinc2017 then reads whole records).</summary>
    public bool HasWindow(ParseResult parseResult) => IsGiven(parseResult, Window);

    /// <summary>The rate (Hz) to resample to before normalising, or null to keep the data's own.</summary>
    public float? ResampleRate(ParseResult parseResult) => IsGiven(parseResult, Resample) ? parseResult.GetValue(Resample) : null;

    /// <summary>
    /// Checks the options against the data loaded: --rhythm needs examples that carry the RR context, --patience needs
    /// validation data. (A --window longer than the records is reported by <see cref="ExperimentRunner.Train"/>, which
    /// knows the length after resampling.)
    /// </summary>
    /// <exception cref="UsageException">The data cannot serve an option.</exception>
    public static void RequireFits(ErtsTrainer.Options options, EcgSplits splits)
    {
        if (options.AuxiliaryFeaturesColumnName == EcgColumns.Rhythm && splits.Train[0].Rhythm == null)
            throw new UsageException(
                $"--rhythm: the {splits.Request.Dataset.Name} examples carry no RR context (Rhythm column); mitdb beats do.");
        if (options.EarlyStoppingPatience != null && splits.Validation.Count == 0 && options.ValidationFraction == 0f)
            throw new UsageException(
                $"--patience needs validation data: {splits.Request.Dataset.Name} has no validation part here, so give --validation-fraction above 0.");
    }

    /// <summary>The command-line name of a learning-rate schedule.</summary>
    public static string NameOf(LearningRateSchedule schedule) => ScheduleNames.First(pair => pair.Value == schedule).Key;

    /// <summary>The augmentation asked for: the --augment preset with any single amount given replacing the preset's; null for none.</summary>
    private EcgAugmentation? Augmentation(ParseResult parseResult)
    {
        var preset = AugmentationPresets[parseResult.GetValue(Augment)!];
        var augmentation = preset with
        {
            AmplitudeScale = IsGiven(parseResult, Amplitude) ? parseResult.GetValue(Amplitude) : preset.AmplitudeScale,
            NoiseStandardDeviation = IsGiven(parseResult, Noise) ? parseResult.GetValue(Noise) : preset.NoiseStandardDeviation,
            BaselineWanderAmplitude = IsGiven(parseResult, Wander) ? parseResult.GetValue(Wander) : preset.BaselineWanderAmplitude,
            MaxTimeShift = IsGiven(parseResult, Shift) ? parseResult.GetValue(Shift) : preset.MaxTimeShift,
        };
        return augmentation.IsNone ? null : augmentation;
    }

    private static int? ValueIfGiven(ParseResult parseResult, Option<int> option) => IsGiven(parseResult, option) ? parseResult.GetValue(option) : null;

    /// <summary>The phase schedule the command line asks for.</summary>
    /// <exception cref="UsageException">The phases do not fit in the epochs.</exception>
    public TrainingSchedule Schedule(ParseResult parseResult)
    {
        int epochs = parseResult.GetValue(Epochs);
        var scaled = IsGiven(parseResult, Epochs) ? TrainingSchedule.Scaled(epochs)
            : new TrainingSchedule(epochs, Defaults.WarmupEpochs, Defaults.CamDelayEpochs, Defaults.RevisionStartEpoch);
        var schedule = new TrainingSchedule(
            epochs,
            IsGiven(parseResult, Warmup) ? parseResult.GetValue(Warmup) : scaled.WarmupEpochs,
            IsGiven(parseResult, CamDelay) ? parseResult.GetValue(CamDelay) : scaled.CamDelayEpochs,
            IsGiven(parseResult, RevisionStart) ? parseResult.GetValue(RevisionStart) : scaled.RevisionStartEpoch);
        if (schedule.WarmupEpochs > epochs)
            throw new UsageException($"--warmup {schedule.WarmupEpochs} is longer than --epochs {epochs}.");
        if (schedule.RevisionStartEpoch >= 0 && schedule.RevisionStartEpoch < schedule.WarmupEpochs)
            throw new UsageException($"--revision-start {schedule.RevisionStartEpoch} must not come before the end of warm-up (--warmup {schedule.WarmupEpochs}).");
        return schedule;
    }

    private static bool IsGiven(ParseResult parseResult, Option option) => parseResult.GetResult(option) is { Implicit: false };
}
