using System.Diagnostics;
using Erts.MLNet.Explainability;
using Erts.MLNet.Networks;
using Erts.MLNet.Selection;
using TorchSharp;
using static TorchSharp.torch;

namespace Erts.MLNet.Training;

/// <summary>
/// Runs the training epochs of one <see cref="TrainingLoop"/> run: shuffled mini-batches, the confidence pass,
/// the policy's choice and the update on the kept rows. Owns the optimiser, its schedule and the seeded randomness.
/// </summary>
/// <remarks>
/// <para>Everything that carries from one epoch to the next is the network's state, the optimiser's (moments, steps,
/// learning rate), which <see cref="SaveOptimizerState"/> writes, and the score cache when scores are reused, which
/// <see cref="SaveScoreCache"/> writes; the shuffle and the policy's random draws are re-derived per epoch by
/// <see cref="EpochRandom"/>, and pooled kept rows never outlive an epoch. That is what makes a resumed run
/// identical to an uninterrupted one.</para>
/// <para>Selection always works on the original mini-batches. What differs from the reference code, each behind an
/// option: kept rows may be pooled into full-size updates (<see cref="KeptRowPool"/>), and confidences may be
/// reused from a recent forward instead of a fresh pass (<see cref="ScoreCache"/>).</para>
/// </remarks>
internal sealed class EpochRunner : IDisposable
{
    private readonly EcgNetwork _network;
    private readonly EcgTensorData _data;
    private readonly ISelectionPolicy _policy;
    private readonly int _batchSize;
    private readonly Device _device;
    private readonly Tensor? _classWeights;
    private readonly DecoupledAdamW _optimizer;
    private readonly double _learningRateDecay;
    private readonly int _seed;
    private readonly int[] _order;
    private readonly bool _compactKeptRows;
    private readonly ScoreCache? _scoreCache;
    private readonly FocusResolution _focusResolution;
    private readonly TrainingInputs _inputs;
    private readonly LearningRateCurve _curve;
    private readonly float _labelSmoothing;
    private readonly int _epochs;
    private readonly IReadOnlyList<bool>? _focusFlaggedRows;

    /// <summary>Creates the runner; the network must already be on <paramref name="device"/>.</summary>
    public EpochRunner(EcgNetwork network, EcgTensorData data, ISelectionPolicy policy, ErtsTrainer.Options options, Device device)
    {
        _network = network;
        _data = data;
        _policy = policy;
        _batchSize = options.BatchSize;
        _device = device;
        _classWeights = options.ClassBalancedLoss
            ? tensor(ClassBalancedWeights.Compute(data.Labels, data.Classes, options.ClassBalancedBeta), device: device).DetachFromDisposeScope()
            : null;
        // Not TorchSharp's optim.AdamW: its step lets the GC free Scalars libtorch is still reading (see DecoupledAdamW).
        _optimizer = new DecoupledAdamW(network.parameters(), options.LearningRate, options.WeightDecay);
        _learningRateDecay = options.LearningRateDecay;
        _seed = options.Seed;
        _order = new int[data.Count];
        _compactKeptRows = options.CompactKeptRows;
        _scoreCache = options.ScoreReuseEpochs > 0 && policy.UsesConfidence ? new ScoreCache(data.Count, options.ScoreReuseEpochs) : null;
        _focusResolution = options.FocusResolution;
        _inputs = new TrainingInputs(data, options);
        _curve = new LearningRateCurve(options);
        _labelSmoothing = options.LabelSmoothing;
        _epochs = options.Epochs;
        _focusFlaggedRows = options.FocusFlaggedRows;
        network.ActivationDropout = options.HeadDropout;
    }

    /// <summary>Learning rate of the next epoch.</summary>
    public double LearningRate => _optimizer.LearningRate;

    /// <summary>Trains one epoch; stops between batches once <paramref name="stop"/> is raised.</summary>
    /// <remarks>Pooled kept rows are flushed at the end of the epoch, so nothing is pending between epochs.</remarks>
    /// <exception cref="TrainingDivergedException">A batch's loss is NaN or infinite (found before its update step).</exception>
    public EpochOutcome Run(int epoch, TrainingPhase phase, StopSignal stop)
    {
        var outcome = new EpochOutcome(new FocusTally(epoch, _focusFlaggedRows));
        var pool = new KeptRowPool(_batchSize, _compactKeptRows);
        // The order is a function of (seed, epoch) alone, and the policy draws from a stream of its own, so every
        // policy sees the same batches for a seed whatever randomness it consumes, and a resumed run sees them too.
        for (int i = 0; i < _order.Length; i++) _order[i] = i;
        EpochRandom.Create(_seed, EpochRandom.Stream.Shuffle, epoch).Shuffle(_order);
        var policyRandom = EpochRandom.Create(_seed, EpochRandom.Stream.Policy, epoch);
        double position = epoch;
        for (int start = 0; start < _order.Length; start += _batchSize)
        {
            if (stop.IsRaised)
            {
                outcome.Cancelled = true;
                return outcome;
            }
            var rows = _order.AsSpan(start, Math.Min(_batchSize, _order.Length - start)).ToArray();
            var kept = phase == TrainingPhase.Selection ? Select(rows, epoch, policyRandom, outcome) : rows;
            // Where training stands in the middle of this mini-batch, in epochs: what a per-step schedule reads.
            position = epoch + (start + rows.Length / 2.0) / _order.Length;
            foreach (var update in pool.Add(kept)) Update(update, epoch, position, outcome);
        }
        if (pool.Flush() is { } rest) Update(rest, epoch, position, outcome);
        return outcome;
    }

    /// <summary>
    /// After an epoch: multiplies the learning rate by the decay under <see cref="LearningRateSchedule.ExponentialDecay"/>
    /// (ExponentialLR's rule, lr ← lr · γ); other schedules set the rate before every step instead.
    /// </summary>
    public void DecayLearningRate()
    {
        if (_curve.IsPerStep) return;
        _optimizer.LearningRate *= _learningRateDecay;
    }

    /// <summary>Writes the optimiser's state: its options (learning rate included), per parameter AdamW's step and moments.</summary>
    public void SaveOptimizerState(BinaryWriter writer) => _optimizer.Save(writer);

    /// <summary>Replaces the optimiser's state with one written by <see cref="SaveOptimizerState"/> for the same network.</summary>
    /// <exception cref="InvalidDataException">The state is of another optimiser.</exception>
    /// <exception cref="ArgumentException">The state has another number of parameter groups or parameters.</exception>
    public void LoadOptimizerState(BinaryReader reader) => _optimizer.Load(reader);

    /// <summary>Writes the score cache (an empty marker when scores are not reused).</summary>
    public void SaveScoreCache(BinaryWriter writer) => ScoreCache.Write(writer, _scoreCache);

    /// <summary>Replaces the score cache with one written by <see cref="SaveScoreCache"/> for the same run.</summary>
    /// <exception cref="InvalidDataException">The stored cache does not fit this run (size, k, or presence).</exception>
    public void LoadScoreCache(BinaryReader reader) => ScoreCache.Read(reader, _scoreCache);

    /// <inheritdoc />
    public void Dispose()
    {
        _optimizer.Dispose();
        _classWeights?.Dispose();
    }

    // The policy's choice on one original mini-batch; returns the kept rows as training indices.
    private int[] Select(int[] samples, int epoch, Random policyRandom, EpochOutcome outcome)
    {
        using var scope = NewDisposeScope();
        var confidence = _policy.UsesConfidence
            ? BatchConfidence.Measure(_network, _inputs, samples, _device, _scoreCache, epoch, outcome)
            : BatchConfidence.None;
        _network.eval(); // Grad-CAM, if the policy asks for it, must not let BatchNorm couple the samples.
        var focus = new NetworkFocusSource(_network, _inputs, samples, _device, confidence, _scoreCache, epoch, _focusResolution);
        var labels = samples.Select(sample => _data.Labels[sample]).ToArray();
        var kept = _policy.Select(new SelectionBatch(epoch, labels, confidence.TrueClass, confidence.Predicted, focus, policyRandom));

        outcome.GradCamSamples += focus.ComputedCount;
        outcome.ReusedFocusSamples += focus.ReusedCount;
        outcome.GradCamSeconds += focus.Elapsed.TotalSeconds;
        var keptRows = kept.ToHashSet();
        foreach (var (row, score, _) in focus.Scored)
        {
            bool measured = confidence.TrueClass.Length > 0;
            outcome.Focus.Add(samples[row], keptRows.Contains(row), measured ? confidence.TrueClass[row] : float.NaN, score,
                measured ? epoch - confidence.ScoreEpoch[row] : 0);
        }
        return kept.Select(row => samples[row]).ToArray();
    }

    // Forward + backward + optimizer step on training samples; with a score cache, the forward's logits and trunk
    // activations also refresh the samples' scores (the trunk/head split costs nothing: it is the network's forward).
    private void Update(int[] samples, int epoch, double position, EpochOutcome outcome)
    {
        using var scope = NewDisposeScope();
        var clock = Stopwatch.StartNew();
        _network.train();
        var inputs = _inputs.Signals(samples, epoch, _device);
        var labels = EcgBatches.Labels(_data, samples, _device);
        if (_curve.IsPerStep)
            _optimizer.LearningRate = _curve.At(position);
        _optimizer.ZeroGrad();
        var activations = _network.Trunk(inputs);
        var logits = _network.Logits(activations, _inputs.Auxiliary(samples, _device));
        // Per-sample weighted losses averaged over the rows, as the reference code does (not divided by the weights' sum).
        var losses = nn.functional.cross_entropy(logits, labels, _classWeights, reduction: nn.Reduction.None, label_smoothing: _labelSmoothing);
        // Checked before the step: a NaN gradient would make every weight NaN, and training on would only hide it.
        float lossSum = losses.detach().sum().item<float>();
        if (!float.IsFinite(lossSum))
            throw new TrainingDivergedException(epoch, _epochs, outcome.UpdateSteps,
                $"the training loss of a batch of {samples.Length} rows is {lossSum.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
                _optimizer.LearningRate);
        // Before the step, so the CAM weights are the ones that produced these activations.
        if (_scoreCache is not null) RecordUpdateScores(samples, epoch, logits, activations, labels);
        losses.mean().backward();
        _optimizer.Step();
        outcome.LossSum += lossSum;
        outcome.Kept += samples.Length;
        outcome.UpdateSteps++;
        outcome.UpdateSeconds += clock.Elapsed.TotalSeconds;
    }

    // Train-mode scores, like the reference code's confidence pass; focus only on the CAM fast path, where it is a
    // weighted sum of the activations (the general path would need a backward pass in eval mode).
    private void RecordUpdateScores(int[] samples, int epoch, Tensor logits, Tensor activations, Tensor labels)
    {
        var (trueClass, predicted) = ForwardScores.Confidence(logits, labels);
        float[]? focus = _network.GlobalAveragePoolingLinearHead is null
            ? null
            : ForwardScores.Focus(_network, activations, labels, _focusResolution, _inputs.Window);
        for (int i = 0; i < samples.Length; i++)
            _scoreCache!.Store(samples[i], epoch, trueClass[i], predicted[i], focus?[i] ?? float.NaN);
    }
}
