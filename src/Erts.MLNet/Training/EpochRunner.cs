using System.Diagnostics;
using Erts.MLNet.Networks;
using Erts.MLNet.Selection;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Erts.MLNet.Training;

/// <summary>
/// Runs the training epochs of one <see cref="TrainingLoop"/> run: shuffled mini-batches, the confidence pass,
/// the policy's choice and the update on the kept rows. Owns the optimiser, its schedule and the seeded randomness.
/// </summary>
/// <remarks>
/// Everything that carries from one epoch to the next is the network's state and the optimiser's (moments, steps,
/// learning rate), which <see cref="SaveOptimizerState"/> writes; the shuffle and the policy's random draws are
/// re-derived per epoch by <see cref="EpochRandom"/>. That is what makes a resumed run identical to an uninterrupted one.
/// </remarks>
internal sealed class EpochRunner : IDisposable
{
    private readonly EcgNetwork _network;
    private readonly EcgTensorData _data;
    private readonly ISelectionPolicy _policy;
    private readonly int _batchSize;
    private readonly Device _device;
    private readonly Tensor? _classWeights;
    private readonly OptimizerHelper _optimizer;
    private readonly double _learningRateDecay;
    private readonly int _seed;
    private readonly int[] _order;

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
        _optimizer = optim.AdamW(network.parameters(), options.LearningRate, weight_decay: options.WeightDecay);
        _learningRateDecay = options.LearningRateDecay;
        _seed = options.Seed;
        _order = new int[data.Count];
    }

    /// <summary>Learning rate of the next epoch.</summary>
    public double LearningRate => _optimizer.ParamGroups.First().LearningRate;

    /// <summary>Trains one epoch; stops between batches once <paramref name="stop"/> is raised.</summary>
    public EpochOutcome Run(int epoch, TrainingPhase phase, StopSignal stop)
    {
        var outcome = new EpochOutcome();
        // The order is a function of (seed, epoch) alone, and the policy draws from a stream of its own, so every
        // policy sees the same batches for a seed whatever randomness it consumes, and a resumed run sees them too.
        for (int i = 0; i < _order.Length; i++) _order[i] = i;
        EpochRandom.Create(_seed, EpochRandom.Stream.Shuffle, epoch).Shuffle(_order);
        var policyRandom = EpochRandom.Create(_seed, EpochRandom.Stream.Policy, epoch);
        for (int start = 0; start < _order.Length; start += _batchSize)
        {
            if (stop.IsRaised)
            {
                outcome.Cancelled = true;
                break;
            }
            var rows = _order.AsSpan(start, Math.Min(_batchSize, _order.Length - start)).ToArray();
            TrainBatch(rows, epoch, phase, policyRandom, outcome);
        }
        return outcome;
    }

    /// <summary>Multiplies the learning rate by the decay, after an epoch (ExponentialLR's rule, lr ← lr · γ).</summary>
    public void DecayLearningRate()
    {
        foreach (var group in _optimizer.ParamGroups) group.LearningRate *= _learningRateDecay;
    }

    /// <summary>Writes the optimiser's state: per parameter group its options (learning rate included), per parameter AdamW's step and moments.</summary>
    public void SaveOptimizerState(BinaryWriter writer) => _optimizer.save_state_dict(writer);

    /// <summary>Replaces the optimiser's state with one written by <see cref="SaveOptimizerState"/> for the same network.</summary>
    /// <exception cref="InvalidDataException">The state is of another optimiser.</exception>
    /// <exception cref="ArgumentException">The state has another number of parameter groups or parameters.</exception>
    public void LoadOptimizerState(BinaryReader reader) => _optimizer.load_state_dict(reader);

    /// <inheritdoc />
    public void Dispose()
    {
        _optimizer.Dispose();
        _classWeights?.Dispose();
    }

    private void TrainBatch(int[] rows, int epoch, TrainingPhase phase, Random policyRandom, EpochOutcome outcome)
    {
        using var scope = NewDisposeScope();
        var inputs = EcgBatches.Signals(_data, rows, _device);
        var labels = EcgBatches.Labels(_data, rows, _device);
        var kept = phase == TrainingPhase.Selection
            ? Select(rows, inputs, labels, epoch, policyRandom, outcome)
            : Enumerable.Range(0, rows.Length).ToArray();
        if (kept.Count > 0) Update(inputs, labels, kept, outcome);
    }

    private IReadOnlyList<int> Select(int[] rows, Tensor inputs, Tensor labels, int epoch, Random policyRandom, EpochOutcome outcome)
    {
        var confidence = _policy.UsesConfidence ? ConfidencePass(inputs, labels, outcome) : ConfidencePassResult.None;
        _network.eval(); // Grad-CAM, if the policy asks for it, must not let BatchNorm couple the samples.
        var focus = new NetworkFocusSource(_network, inputs, labels, confidence.Activations);
        var batchLabels = rows.Select(row => _data.Labels[row]).ToArray();
        var kept = _policy.Select(new SelectionBatch(epoch, batchLabels, confidence.TrueClass, confidence.Predicted, focus, policyRandom));

        outcome.GradCamSamples += focus.Scored.Count;
        outcome.GradCamSeconds += focus.Elapsed.TotalSeconds;
        var keptRows = kept.ToHashSet();
        foreach (var (row, score) in focus.Scored)
        {
            float rowConfidence = confidence.TrueClass.Length > 0 ? confidence.TrueClass[row] : float.NaN;
            outcome.Observations.Add(new FocusObservation(epoch, rows[row], rowConfidence, score, keptRows.Contains(row)));
        }
        return kept;
    }

    // One no-grad eval forward gives both the confidences and the trunk activations Grad-CAM needs later.
    private ConfidencePassResult ConfidencePass(Tensor inputs, Tensor labels, EpochOutcome outcome)
    {
        var clock = Stopwatch.StartNew();
        _network.eval();
        using var noGrad = no_grad();
        var activations = _network.Trunk(inputs);
        var logits = _network.Head(activations);
        var trueClass = nn.functional.softmax(logits, 1).gather(1, labels.unsqueeze(1)).squeeze(1).cpu().data<float>().ToArray();
        var predicted = logits.argmax(1).to(ScalarType.Int32).cpu().data<int>().ToArray();
        outcome.ConfidenceSamples += trueClass.Length;
        outcome.ConfidenceSeconds += clock.Elapsed.TotalSeconds;
        return new ConfidencePassResult(trueClass, predicted, activations);
    }

    private void Update(Tensor inputs, Tensor labels, IReadOnlyList<int> kept, EpochOutcome outcome)
    {
        var clock = Stopwatch.StartNew();
        _network.train();
        if (kept.Count < labels.shape[0])
        {
            var index = tensor(kept.Select(row => (long)row).ToArray(), device: _device);
            inputs = inputs.index_select(0, index);
            labels = labels.index_select(0, index);
        }
        _optimizer.zero_grad();
        // Per-sample weighted losses averaged over the rows, as the reference code does (not divided by the weights' sum).
        var losses = nn.functional.cross_entropy(_network.call(inputs), labels, _classWeights, reduction: nn.Reduction.None);
        losses.mean().backward();
        _optimizer.step();
        outcome.LossSum += losses.detach().sum().item<float>();
        outcome.Kept += kept.Count;
        outcome.UpdateSeconds += clock.Elapsed.TotalSeconds;
    }

    private sealed record ConfidencePassResult(float[] TrueClass, int[] Predicted, Tensor? Activations)
    {
        public static readonly ConfidencePassResult None = new([], [], null);
    }
}
