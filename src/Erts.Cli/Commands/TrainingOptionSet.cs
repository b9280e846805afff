using System.CommandLine;
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

    /// <summary>Adds the options to <paramref name="command"/>; <paramref name="withPolicy"/> false leaves out --policy (compare has --policies).</summary>
    public void AddTo(Command command, bool withPolicy = true)
    {
        command.Options.Add(Network);
        if (withPolicy) command.Options.Add(Policy);
        foreach (var option in new Option[] { Epochs, Warmup, CamDelay, RevisionStart, Tau, Rho, Ranking, FocusResolution, BatchSize, LearningRate, ValidationFraction, Seed, Threads })
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
        };
        Schedule(parseResult).ApplyTo(options);
        return options;
    }

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
