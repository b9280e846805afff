using System.Text.RegularExpressions;
using Erts.MLNet.Selection;
using TorchSharp;

namespace Erts.MLNet.Training;

/// <summary>Checks trainer options at the door, with messages that name the option, the rule and the value.</summary>
internal static partial class OptionsValidation
{
    /// <summary>Throws on the first option out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range or names an unknown policy.</exception>
    /// <exception cref="ArgumentException">The device is malformed, CUDA is not available, or the checkpoint folder is blank.</exception>
    public static void Validate(ErtsTrainer.Options options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Require(options.Epochs >= 1, nameof(options.Epochs), options.Epochs, "must be 1 or more");
        Require(options.WarmupEpochs >= 0, nameof(options.WarmupEpochs), options.WarmupEpochs, "must be 0 or more");
        Require(options.RevisionStartEpoch >= 0 || options.RevisionStartEpoch == ErtsTrainer.Options.RevisionLastEpochOnly,
            nameof(options.RevisionStartEpoch), options.RevisionStartEpoch,
            $"must be 0 or more, or {ErtsTrainer.Options.RevisionLastEpochOnly} (RevisionLastEpochOnly)");
        Require(options.CamDelayEpochs >= 0, nameof(options.CamDelayEpochs), options.CamDelayEpochs, "must be 0 or more");
        Require(options.ConfidenceThreshold is >= 0f and <= 1f, nameof(options.ConfidenceThreshold), options.ConfidenceThreshold, "must be in [0, 1]");
        Require(options.KeepFraction is > 0f and <= 1f, nameof(options.KeepFraction), options.KeepFraction, "must be in (0, 1]");
        Require(Enum.IsDefined(options.ReliabilityRanking), nameof(options.ReliabilityRanking), options.ReliabilityRanking, "must be ConfidenceTimesFocus or Focus");
        Require(options.BatchSize >= 1, nameof(options.BatchSize), options.BatchSize, "must be 1 or more");
        Require(Enum.IsDefined(options.FocusResolution), nameof(options.FocusResolution), options.FocusResolution, "must be ExplainedLayer or Input");
        Require(options.ScoreReuseEpochs >= 0, nameof(options.ScoreReuseEpochs), options.ScoreReuseEpochs, "must be 0 or more (0 = a fresh confidence pass every batch)");
        Require(options.LearningRate > 0 && double.IsFinite(options.LearningRate), nameof(options.LearningRate), options.LearningRate, "must be greater than 0");
        Require(options.WeightDecay >= 0 && double.IsFinite(options.WeightDecay), nameof(options.WeightDecay), options.WeightDecay, "must be 0 or more");
        Require(options.LearningRateDecay is > 0 and <= 1, nameof(options.LearningRateDecay), options.LearningRateDecay, "must be in (0, 1]");
        Require(options.ClassBalancedBeta is >= 0 and < 1, nameof(options.ClassBalancedBeta), options.ClassBalancedBeta, "must be in [0, 1)");
        Require(options.Threads is null or >= 1, nameof(options.Threads), options.Threads, "must be 1 or more (or null for TorchSharp's default)");
        Require(options.ValidationFraction is >= 0f and <= 0.5f, nameof(options.ValidationFraction), options.ValidationFraction, "must be in [0, 0.5]");
        Require(SelectionPolicies.Names.Contains(options.SelectionPolicy, StringComparer.OrdinalIgnoreCase),
            nameof(options.SelectionPolicy), options.SelectionPolicy, $"must be one of {string.Join(", ", SelectionPolicies.Names)}");
        Require(options.InMemoryDataLimitMegabytes is null or >= 0, nameof(options.InMemoryDataLimitMegabytes), options.InMemoryDataLimitMegabytes,
            "must be 0 or more (0 = every row on disk), or null for half of the available memory");
        Require(options.TrainingWindow is null or >= 1, nameof(options.TrainingWindow), options.TrainingWindow, "must be 1 or more samples (or null for the whole input)");
        Require(options.InferenceStride is null or >= 1, nameof(options.InferenceStride), options.InferenceStride, "must be 1 or more samples (or null for half the window)");
        Require(Enum.IsDefined(options.LearningRateSchedule), nameof(options.LearningRateSchedule), options.LearningRateSchedule, "must be ExponentialDecay or WarmupCosine");
        Require(options.LearningRateWarmupEpochs >= 0 && double.IsFinite(options.LearningRateWarmupEpochs)
            && (options.LearningRateSchedule != LearningRateSchedule.WarmupCosine || options.LearningRateWarmupEpochs <= options.Epochs),
            nameof(options.LearningRateWarmupEpochs), options.LearningRateWarmupEpochs, "must be 0 or more, and under WarmupCosine at most Epochs");
        Require(options.HeadDropout is >= 0f and < 1f, nameof(options.HeadDropout), options.HeadDropout, "must be in [0, 1)");
        Require(options.LabelSmoothing is >= 0f and < 1f, nameof(options.LabelSmoothing), options.LabelSmoothing, "must be in [0, 1)");
        Require(options.EarlyStoppingPatience is null or >= 1, nameof(options.EarlyStoppingPatience), options.EarlyStoppingPatience, "must be 1 or more (or null to train every epoch)");
        if (options.Augmentation is { } a)
        {
            Require(a.AmplitudeScale is >= 0f and < 1f, "Augmentation.AmplitudeScale", a.AmplitudeScale, "must be in [0, 1)");
            Require(a.NoiseStandardDeviation >= 0f && float.IsFinite(a.NoiseStandardDeviation), "Augmentation.NoiseStandardDeviation", a.NoiseStandardDeviation, "must be 0 or more");
            Require(a.BaselineWanderAmplitude >= 0f && float.IsFinite(a.BaselineWanderAmplitude), "Augmentation.BaselineWanderAmplitude", a.BaselineWanderAmplitude, "must be 0 or more");
            Require(a.MaxTimeShift >= 0, "Augmentation.MaxTimeShift", a.MaxTimeShift, "must be 0 or more");
        }
        ValidateDevice(options.Device);
        if (options.SpillDirectory is not null)
            ArgumentException.ThrowIfNullOrWhiteSpace(options.SpillDirectory, nameof(options.SpillDirectory));
        if (options.CheckpointDirectory is not null)
            ArgumentException.ThrowIfNullOrWhiteSpace(options.CheckpointDirectory, nameof(options.CheckpointDirectory));
    }

    private static void ValidateDevice(string device)
    {
        if (device is null || !DevicePattern().IsMatch(device))
            throw new ArgumentException($"Device '{device}' is not valid; use \"cpu\", \"cuda\" or \"cuda:N\".", nameof(ErtsTrainer.Options.Device));
        if (device.StartsWith("cuda", StringComparison.Ordinal) && !torch.cuda.is_available())
            throw new ArgumentException(
                $"Device '{device}' needs a CUDA GPU and a CUDA build of libtorch (build with -p:ErtsLibTorchPackage=libtorch-cuda-12.8-linux-x64); torch.cuda.is_available() is false here.",
                nameof(ErtsTrainer.Options.Device));
    }

    private static void Require<T>(bool valid, string option, T value, string rule)
    {
        if (!valid) throw new ArgumentOutOfRangeException(option, value, $"{option} {rule}; it is {value}.");
    }

    [GeneratedRegex(@"^(cpu|cuda(:\d+)?)$")]
    private static partial Regex DevicePattern();
}
