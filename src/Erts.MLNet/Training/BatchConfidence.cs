using System.Diagnostics;
using Erts.MLNet.Networks;
using static TorchSharp.torch;

namespace Erts.MLNet.Training;

/// <summary>
/// The confidences of one mini-batch and where each came from: a no-grad eval pass for the rows that need one,
/// the <see cref="ScoreCache"/> for rows scored recently enough. The pass's trunk activations are kept for
/// Grad-CAM, so focus never needs a second forward for those rows.
/// </summary>
internal sealed class BatchConfidence
{
    private const int NotInPass = -1;

    private readonly int[] _passPosition;
    private readonly float[] _cachedFocus;

    private BatchConfidence(float[] trueClass, int[] predicted, int[] scoreEpoch, float[] cachedFocus, int[] passPosition, Tensor? activations)
    {
        TrueClass = trueClass;
        Predicted = predicted;
        ScoreEpoch = scoreEpoch;
        _cachedFocus = cachedFocus;
        _passPosition = passPosition;
        Activations = activations;
    }

    /// <summary>No confidences: the policy does not use them.</summary>
    public static BatchConfidence None { get; } = new([], [], [], [], [], null);

    /// <summary>p(true class) per batch row (empty for <see cref="None"/>).</summary>
    public float[] TrueClass { get; }

    /// <summary>Arg-max class per batch row (empty for <see cref="None"/>).</summary>
    public int[] Predicted { get; }

    /// <summary>Epoch of the forward each row's confidence comes from.</summary>
    public int[] ScoreEpoch { get; }

    /// <summary>Trunk activations of the rows that went through the pass, in pass order; null when none did.</summary>
    public Tensor? Activations { get; }

    /// <summary>Rows that went through the confidence pass.</summary>
    public int PassedRows => _passPosition.Count(position => position != NotInPass);

    /// <summary>Rows whose confidence was taken from the cache.</summary>
    public int ReusedRows => _passPosition.Length - PassedRows;

    /// <summary>Position of batch row <paramref name="row"/> in <see cref="Activations"/>, or -1 when its confidence was reused.</summary>
    public int PassPosition(int row) => _passPosition[row];

    /// <summary>The cached focus of a reused row from the same forward as its confidence, or NaN.</summary>
    public float CachedFocus(int row) => _cachedFocus.Length == 0 ? float.NaN : _cachedFocus[row];

    /// <summary>
    /// Confidences of the training samples <paramref name="samples"/> (one mini-batch): from <paramref name="cache"/>
    /// when it holds a recent enough score, else from one no-grad eval forward over those rows, stored back in the cache.
    /// Tensors belong to the caller's dispose scope.
    /// </summary>
    /// <param name="network">The network; left in eval mode.</param>
    /// <param name="inputs">The epoch's inputs of the training data.</param>
    /// <param name="samples">Training indices of the batch rows.</param>
    /// <param name="device">Device of the network.</param>
    /// <param name="cache">Recent scores, or null to pass every row (the reference code).</param>
    /// <param name="epoch">Current epoch.</param>
    /// <param name="outcome">Receives the pass's sample count and time, and the reused count.</param>
    public static BatchConfidence Measure(
        EcgNetwork network, TrainingInputs inputs, int[] samples, Device device, ScoreCache? cache, int epoch, EpochOutcome outcome)
    {
        var trueClass = new float[samples.Length];
        var predicted = new int[samples.Length];
        var scoreEpoch = new int[samples.Length];
        var cachedFocus = new float[samples.Length];
        var passPosition = new int[samples.Length];
        var passRows = new List<int>(samples.Length);
        for (int row = 0; row < samples.Length; row++)
        {
            cachedFocus[row] = float.NaN;
            if (cache is not null && cache.TryGetFresh(samples[row], epoch, out var score))
            {
                (trueClass[row], predicted[row], cachedFocus[row], scoreEpoch[row]) = (score.Confidence, score.Predicted, score.Focus, score.Epoch);
                passPosition[row] = NotInPass;
            }
            else
            {
                passPosition[row] = passRows.Count;
                passRows.Add(row);
            }
        }

        Tensor? activations = null;
        if (passRows.Count > 0)
        {
            var passSamples = passRows.Select(row => samples[row]).ToArray();
            (activations, var passTrueClass, var passPredicted) = Pass(network, inputs, passSamples, device, epoch, outcome);
            for (int i = 0; i < passRows.Count; i++)
            {
                int row = passRows[i];
                (trueClass[row], predicted[row], scoreEpoch[row]) = (passTrueClass[i], passPredicted[i], epoch);
                cache?.Store(samples[row], epoch, passTrueClass[i], passPredicted[i]);
            }
        }
        outcome.ReusedConfidenceSamples += samples.Length - passRows.Count;
        return new BatchConfidence(trueClass, predicted, scoreEpoch, cachedFocus, passPosition, activations);
    }

    // One no-grad eval forward gives both the confidences and the trunk activations Grad-CAM needs later.
    private static (Tensor Activations, float[] TrueClass, int[] Predicted) Pass(
        EcgNetwork network, TrainingInputs inputs, int[] samples, Device device, int epoch, EpochOutcome outcome)
    {
        var clock = Stopwatch.StartNew();
        network.eval();
        using var noGrad = no_grad();
        var activations = network.Trunk(inputs.Signals(samples, epoch, device));
        var logits = network.Logits(activations, inputs.Auxiliary(samples, device));
        var (trueClass, predicted) = ForwardScores.Confidence(logits, EcgBatches.Labels(inputs.Data, samples, device));
        outcome.ConfidenceSamples += samples.Length;
        outcome.ConfidenceSeconds += clock.Elapsed.TotalSeconds;
        return (activations, trueClass, predicted);
    }
}
