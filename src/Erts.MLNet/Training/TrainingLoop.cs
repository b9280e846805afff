using System.Diagnostics;
using Erts.MLNet.Networks;
using Erts.MLNet.Selection;
using TorchSharp;

namespace Erts.MLNet.Training;

/// <summary>
/// Trains an <see cref="EcgNetwork"/> on materialised data with the selection policy named in the options, keeping
/// the weights of the epoch with the best validation macro-F1. Knows nothing about ML.NET.
/// </summary>
/// <remarks>
/// Per epoch: shuffle (seeded); per mini-batch, in the selection phase only, a no-grad eval forward gives the
/// true-class confidences and the trunk activations that Grad-CAM reuses, the policy picks the rows, and only
/// those get forward + backward + an AdamW step (warm-up and revision epochs train every row without the extra
/// pass). After each epoch: validate, keep the best weights in memory, decay the learning rate and, when
/// <see cref="ErtsTrainer.Options.CheckpointDirectory"/> is set, write a checkpoint (<see cref="TrainingCheckpoint"/>)
/// from which a later run with the same options and data resumes, reaching bit for bit the result of an uninterrupted
/// run on the same device and thread count. Every batch runs in its own dispose scope, so native memory stays flat
/// across epochs.
/// </remarks>
public sealed class TrainingLoop
{
    private readonly ErtsTrainer.Options _options;
    private readonly Action<string>? _log;
    private readonly Func<bool>? _hostCancelled;
    private readonly PhaseSchedule _schedule;

    /// <summary>Creates the loop.</summary>
    /// <param name="options">Schedule, optimiser, policy and loss settings; validated here.</param>
    /// <param name="log">Receives one line per epoch (e.g. an ML.NET channel); may be null.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range; the message names it, the rule and the value.</exception>
    /// <exception cref="ArgumentException">The device is malformed, or CUDA was asked for and is not available.</exception>
    public TrainingLoop(ErtsTrainer.Options options, Action<string>? log = null)
        : this(options, log, hostCancelled: null)
    {
    }

    /// <summary>Creates the loop with a second stop source, ML.NET's cancellation of the trainer's host.</summary>
    internal TrainingLoop(ErtsTrainer.Options options, Action<string>? log, Func<bool>? hostCancelled)
    {
        OptionsValidation.Validate(options);
        _options = options;
        _log = log;
        _hostCancelled = hostCancelled;
        _schedule = PhaseSchedule.FromOptions(options);
        Policy = SelectionPolicies.Create(options.SelectionPolicy, options);
    }

    /// <summary>The selection policy built from the options.</summary>
    public ISelectionPolicy Policy { get; }

    /// <summary>Trains <paramref name="network"/> in place; on return it holds the kept (best) weights, in eval mode.</summary>
    /// <param name="network">An untrained (or partly trained) network whose input shape matches the data.</param>
    /// <param name="train">Training data.</param>
    /// <param name="validation">Validation data for checkpoint selection, or null (the last epoch's weights are kept).</param>
    /// <returns>The per-epoch report. When cancelled it covers the finished epochs, and the network holds the best
    /// of them (its current weights if none finished). When resumed from a checkpoint it covers the earlier epochs too.</returns>
    /// <exception cref="ArgumentException">The validation data's leads, samples or classes differ from the training data's, or
    /// <see cref="ErtsTrainer.Options.FocusFlaggedRows"/> does not have one flag per training row.</exception>
    /// <exception cref="TrainingCheckpointException">The checkpoint folder holds a checkpoint that is corrupt or of a different run.</exception>
    /// <exception cref="TrainingDivergedException">The loss, the weights or the validation scores became NaN or infinite; the
    /// checkpoint of the last finished epoch is left as it was.</exception>
    public TrainingReport Run(EcgNetwork network, EcgTensorData train, EcgTensorData? validation)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(train);
        if (validation is { Count: 0 }) validation = null;
        RequireSameShape(train, validation);
        if (_options.FocusFlaggedRows is { } flags && flags.Count != train.Count)
            throw new ArgumentException(
                $"{nameof(ErtsTrainer.Options.FocusFlaggedRows)} has {flags.Count} flags; the training data has {train.Count} rows. Give one flag per training row.",
                nameof(ErtsTrainer.Options.FocusFlaggedRows));

        var wallClock = Stopwatch.StartNew();
        int threadsBefore = torch.get_num_threads();
        if (_options.Threads is int threads) torch.set_num_threads(threads);
        try
        {
            return Train(network, train, validation, wallClock);
        }
        finally
        {
            // Thread count is process-wide state: give the host back what it had.
            if (_options.Threads is not null) torch.set_num_threads(threadsBefore);
        }
    }

    private TrainingReport Train(EcgNetwork network, EcgTensorData train, EcgTensorData? validation, Stopwatch wallClock)
    {
        torch.manual_seed(_options.Seed);
        var device = torch.device(_options.Device);
        network.to(device);
        using var runner = new EpochRunner(network, train, Policy, _options, device);
        using var best = new BestCheckpoint();
        var stop = new StopSignal(_options.CancellationToken, _hostCancelled);
        var (checkpoint, fingerprint) = _options.CheckpointDirectory is { } folder
            ? (new TrainingCheckpoint(folder), RunFingerprint.Of(_options, network, train, validation))
            : (null, null);
        var progress = new TrainingProgress();
        if (checkpoint is { Exists: true })
        {
            progress = checkpoint.Restore(fingerprint!, network, runner, best);
            _log?.Invoke($"resuming from '{checkpoint.FilePath}' after epoch {progress.NextEpoch}/{_options.Epochs}");
        }
        bool cancelled = false;

        bool stoppedEarly = false;
        var (window, stride) = RecordWindows.Of(_options, train.Samples);
        for (int epoch = progress.NextEpoch; epoch < _options.Epochs; epoch++)
        {
            // Checked before the epoch rather than after it, so a run resumed from the checkpoint of an early stop stops too.
            if (_options.EarlyStoppingPatience is { } patience && validation is not null && best.Epoch >= 0 && epoch - 1 - best.Epoch >= patience)
            {
                stoppedEarly = true;
                _log?.Invoke($"early stop after epoch {epoch}: validation macro-F1 has not improved for {patience} epochs (best {progress.BestMacroF1:F4} at epoch {best.Epoch + 1})");
                break;
            }
            var phase = _schedule.PhaseOf(epoch);
            double learningRate = runner.LearningRate;
            var outcome = runner.Run(epoch, phase, stop);
            if (outcome.Cancelled)
            {
                cancelled = true;
                break;
            }

            // Before anything of the epoch is kept: diverged weights must reach neither the best weights nor the checkpoint.
            RequireFiniteWeights(network, epoch, runner.LearningRate);
            progress.KeptSoFar += outcome.Kept;
            progress.FocusHistograms.AddRange(outcome.Focus.Histograms);
            var validationClock = Stopwatch.StartNew();
            var (macroF1, accuracy) = validation is null
                ? (double.NaN, double.NaN)
                : Validate(network, validation, window, stride, device, epoch, runner.LearningRate);
            var report = new EpochReport(
                epoch, phase.ToString().ToLowerInvariant(), train.Count, outcome.Kept, (double)progress.KeptSoFar / train.Count,
                outcome.ConfidenceSamples, outcome.GradCamSamples, outcome.ConfidenceSeconds, outcome.GradCamSeconds,
                outcome.UpdateSeconds, validationClock.Elapsed.TotalSeconds, outcome.MeanLoss, macroF1, accuracy, learningRate)
            {
                ReusedConfidenceSamples = outcome.ReusedConfidenceSamples,
                ReusedFocusSamples = outcome.ReusedFocusSamples,
                UpdateSteps = outcome.UpdateSteps,
            };
            progress.Epochs.Add(report);

            // Without validation "best" is simply the latest finished epoch (kept so a cancellation can fall back to it).
            if (validation is null || macroF1 > progress.BestMacroF1)
            {
                progress.BestMacroF1 = macroF1;
                best.Capture(network, epoch);
            }
            runner.DecayLearningRate();
            // Saved before the epoch is reported: a report the user has seen is always on disk.
            checkpoint?.Save(fingerprint!, progress, progress.EarlierSessionsSeconds + wallClock.Elapsed.TotalSeconds, network, runner, best);
            _options.Progress?.Report(report);
            _log?.Invoke(Describe(report));
        }

        best.Restore(network);
        network.eval();
        return new TrainingReport
        {
            Policy = Policy.Name,
            Network = _options.Network,
            TrainingSetSize = train.Count,
            ValidationSetSize = validation?.Count ?? 0,
            Threads = torch.get_num_threads(),
            Seed = _options.Seed,
            Epochs = progress.Epochs,
            FocusHistograms = progress.FocusHistograms,
            BestEpoch = best.Epoch,
            WallClockSeconds = progress.EarlierSessionsSeconds + wallClock.Elapsed.TotalSeconds,
            Cancelled = cancelled,
            StoppedEarly = stoppedEarly,
        };
    }

    /// <summary>Macro-F1 and accuracy on the validation data, refusing scores that are not finite.</summary>
    private (double MacroF1, double Accuracy) Validate(EcgNetwork network, EcgTensorData validation, int window, int stride, torch.Device device,
        int epoch, double learningRate)
    {
        var predictions = WindowedInference.Predict(network, validation, window, stride, device);
        int diverged = Array.IndexOf(predictions, -1);
        if (diverged >= 0)
            throw new TrainingDivergedException(epoch, _options.Epochs, step: null,
                $"the validation scores are not finite (validation row {diverged}, and {predictions.Count(p => p < 0) - 1} more)", learningRate);
        var metrics = ClassificationMetrics.FromPredictions(validation.Labels, predictions, validation.Classes);
        return (metrics.MacroF1, metrics.Accuracy);
    }

    /// <summary>Fails when a parameter or buffer (BatchNorm statistics) holds NaN or an infinity after the epoch's last step.</summary>
    private void RequireFiniteWeights(EcgNetwork network, int epoch, double learningRate)
    {
        using var scope = torch.NewDisposeScope();
        foreach (var (name, values) in network.state_dict())
            if (values.is_floating_point() && !torch.isfinite(values).all().item<bool>())
                throw new TrainingDivergedException(epoch, _options.Epochs, step: null, $"the network's '{name}' holds NaN or infinite values", learningRate);
    }

    private string Describe(EpochReport e) =>
        $"epoch {e.Epoch + 1}/{_options.Epochs} [{e.Phase}] kept {e.SamplesKept}/{e.SamplesSeen} ({e.KeptFraction:P0}), " +
        $"effective epochs {e.CumulativeEffectiveEpochs:F2}, loss {e.TrainLoss:F4}, val macro-F1 {e.ValidationMacroF1:F4}, " +
        $"val accuracy {e.ValidationAccuracy:F4}, lr {e.LearningRate:G3}, {e.TotalSeconds:F1}s " +
        $"(confidence {e.ConfidenceSeconds:F1}s, Grad-CAM {e.GradCamSeconds:F1}s on {e.GradCamSamples}, update {e.UpdateSeconds:F1}s, validation {e.ValidationSeconds:F1}s)";

    private void RequireSameShape(EcgTensorData train, EcgTensorData? validation)
    {
        if (validation is null) return;
        // Windows are cut from each record, so records may be padded to other lengths; whole inputs must match.
        bool samplesMatter = _options.TrainingWindow is null && !train.HasLengths && !validation.HasLengths;
        if (validation.Leads != train.Leads || (samplesMatter && validation.Samples != train.Samples) || validation.Classes != train.Classes
            || validation.AuxiliarySize != train.AuxiliarySize)
            throw new ArgumentException(
                $"Validation data is {validation.Leads} leads x {validation.Samples} samples with {validation.Classes} classes; " +
                $"training data is {train.Leads} x {train.Samples} with {train.Classes}. They must match.", nameof(validation));
    }
}
