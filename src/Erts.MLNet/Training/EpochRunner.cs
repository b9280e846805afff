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
internal sealed class EpochRunner : IDisposable
{
    private readonly EcgNetwork _network;
    private readonly EcgTensorData _data;
    private readonly ISelectionPolicy _policy;
    private readonly int _batchSize;
    private readonly Device _device;
    private readonly Tensor? _classWeights;
    private readonly OptimizerHelper _optimizer;
    private readonly optim.lr_scheduler.LRScheduler _learningRateSchedule;
    private readonly Random _shuffleRandom;
    private readonly Random _policyRandom;
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
        _learningRateSchedule = optim.lr_scheduler.ExponentialLR(_optimizer, options.LearningRateDecay);
        // Separate streams: every policy sees the same batches for a seed, whatever randomness it consumes.
        _shuffleRandom = new Random(options.Seed);
        _policyRandom = new Random(unchecked(options.Seed + 1));
        _order = Enumerable.Range(0, data.Count).ToArray();
    }

    /// <summary>Learning rate of the next epoch.</summary>
    public double LearningRate => _optimizer.ParamGroups.First().LearningRate;

    /// <summary>Trains one epoch; stops between batches when <paramref name="cancellation"/> is signalled.</summary>
    public EpochOutcome Run(int epoch, TrainingPhase phase, CancellationToken cancellation)
    {
        var outcome = new EpochOutcome();
        _shuffleRandom.Shuffle(_order);
        for (int start = 0; start < _order.Length; start += _batchSize)
        {
            if (cancellation.IsCancellationRequested)
            {
                outcome.Cancelled = true;
                break;
            }
            var rows = _order.AsSpan(start, Math.Min(_batchSize, _order.Length - start)).ToArray();
            TrainBatch(rows, epoch, phase, outcome);
        }
        return outcome;
    }

    /// <summary>Multiplies the learning rate by the decay, after an epoch.</summary>
    public void DecayLearningRate() => _learningRateSchedule.step();

    /// <inheritdoc />
    public void Dispose()
    {
        _optimizer.Dispose();
        _classWeights?.Dispose();
    }

    private void TrainBatch(int[] rows, int epoch, TrainingPhase phase, EpochOutcome outcome)
    {
        using var scope = NewDisposeScope();
        var inputs = EcgBatches.Signals(_data, rows, _device);
        var labels = EcgBatches.Labels(_data, rows, _device);
        var kept = phase == TrainingPhase.Selection
            ? Select(rows, inputs, labels, epoch, outcome)
            : Enumerable.Range(0, rows.Length).ToArray();
        if (kept.Count > 0) Update(inputs, labels, kept, outcome);
    }

    private IReadOnlyList<int> Select(int[] rows, Tensor inputs, Tensor labels, int epoch, EpochOutcome outcome)
    {
        var confidence = _policy.UsesConfidence ? ConfidencePass(inputs, labels, outcome) : ConfidencePassResult.None;
        _network.eval(); // Grad-CAM, if the policy asks for it, must not let BatchNorm couple the samples.
        var focus = new NetworkFocusSource(_network, inputs, labels, confidence.Activations);
        var batchLabels = rows.Select(row => _data.Labels[row]).ToArray();
        var kept = _policy.Select(new SelectionBatch(epoch, batchLabels, confidence.TrueClass, confidence.Predicted, focus, _policyRandom));

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
