using System.Diagnostics;
using Erts.MLNet.Explainability;
using Erts.MLNet.Networks;
using Erts.MLNet.Selection;
using static TorchSharp.torch;

namespace Erts.MLNet.Training;

/// <summary>
/// Focus scores of one mini-batch from the network's Grad-CAM. A row whose confidence came from the score cache
/// with a focus from the same forward gets that focus back (reused, not computed). Otherwise the trunk activations
/// of the confidence pass are reused when the row went through it (no second forward), and only rows without
/// either get a trunk forward. Records what it scored and how long computing took.
/// </summary>
internal sealed class NetworkFocusSource : IFocusSource
{
    private readonly EcgNetwork _network;
    private readonly TrainingInputs _inputs;
    private readonly int[] _samples;
    private readonly Device _device;
    private readonly BatchConfidence _confidence;
    private readonly ScoreCache? _cache;
    private readonly int _epoch;
    private readonly FocusResolution _resolution;
    private readonly List<(int Row, float Focus, bool Reused)> _scored = [];
    private readonly Stopwatch _clock = new();

    /// <summary>Creates the source; tensors belong to the caller's dispose scope.</summary>
    /// <param name="network">The network, in eval mode when scores are requested.</param>
    /// <param name="inputs">The epoch's inputs of the training data.</param>
    /// <param name="samples">Training indices of the batch rows.</param>
    /// <param name="device">Device of the network.</param>
    /// <param name="confidence">The batch's confidences, with the pass's activations and any cached focus.</param>
    /// <param name="cache">Receives the focus of rows scored by this epoch's pass, or null.</param>
    /// <param name="epoch">Current epoch.</param>
    /// <param name="resolution">Where focus is measured (<see cref="ErtsTrainer.Options.FocusResolution"/>).</param>
    public NetworkFocusSource(EcgNetwork network, TrainingInputs inputs, int[] samples, Device device, BatchConfidence confidence, ScoreCache? cache, int epoch,
        FocusResolution resolution)
    {
        _network = network;
        _inputs = inputs;
        _samples = samples;
        _device = device;
        _confidence = confidence;
        _cache = cache;
        _epoch = epoch;
        _resolution = resolution;
    }

    /// <summary>Every (row, focus, reused) scored so far, in request order.</summary>
    public IReadOnlyList<(int Row, float Focus, bool Reused)> Scored => _scored;

    /// <summary>Rows whose focus was computed (not reused).</summary>
    public int ComputedCount => _scored.Count(score => !score.Reused);

    /// <summary>Rows whose focus was taken from the score cache.</summary>
    public int ReusedCount => _scored.Count(score => score.Reused);

    /// <summary>Wall-clock time spent computing focus, trunk forward included when it had to be run.</summary>
    public TimeSpan Elapsed => _clock.Elapsed;

    /// <inheritdoc />
    public float[] Score(IReadOnlyList<int> rows)
    {
        var focus = new float[rows.Count];
        var toCompute = new List<int>();
        for (int i = 0; i < rows.Count; i++)
        {
            focus[i] = _confidence.CachedFocus(rows[i]);
            if (float.IsNaN(focus[i])) toCompute.Add(i);
        }
        if (toCompute.Count > 0) Compute(rows, toCompute, focus);
        for (int i = 0; i < rows.Count; i++) _scored.Add((rows[i], focus[i], !float.IsNaN(_confidence.CachedFocus(rows[i]))));
        return focus;
    }

    // Fills focus[i] for every i in toCompute: rows of the confidence pass first (their activations are at hand),
    // then the others through one trunk forward.
    private void Compute(IReadOnlyList<int> rows, List<int> toCompute, float[] focus)
    {
        _clock.Start();
        try
        {
            using var scope = NewDisposeScope();
            var fromPass = toCompute.Where(i => _confidence.PassPosition(rows[i]) >= 0).ToArray();
            var fromTrunk = toCompute.Where(i => _confidence.PassPosition(rows[i]) < 0).ToArray();
            var parts = new List<Tensor>(2);
            if (fromPass.Length > 0)
            {
                var positions = tensor(fromPass.Select(i => (long)_confidence.PassPosition(rows[i])).ToArray(), device: _device);
                parts.Add(_confidence.Activations!.index_select(0, positions));
            }
            if (fromTrunk.Length > 0)
                using (no_grad())
                    parts.Add(_network.Trunk(_inputs.Signals(fromTrunk.Select(i => _samples[rows[i]]).ToArray(), _epoch, _device)));

            int[] order = [.. fromPass, .. fromTrunk];
            var activations = parts.Count == 1 ? parts[0] : cat(parts, 0);
            var labels = EcgBatches.Labels(_inputs.Data, order.Select(i => _samples[rows[i]]).ToArray(), _device);
            float[] computed = ForwardScores.Focus(_network, activations, labels, _resolution, _inputs.Window);
            for (int j = 0; j < order.Length; j++)
            {
                focus[order[j]] = computed[j];
                _cache?.StoreFocus(_samples[rows[order[j]]], _epoch, computed[j]);
            }
        }
        finally
        {
            _clock.Stop();
        }
    }
}
