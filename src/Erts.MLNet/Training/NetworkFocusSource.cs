using System.Diagnostics;
using Erts.MLNet.Explainability;
using Erts.MLNet.Networks;
using Erts.MLNet.Selection;
using static TorchSharp.torch;

namespace Erts.MLNet.Training;

/// <summary>
/// Focus scores of one mini-batch from the network's Grad-CAM. It reuses the trunk activations of the confidence
/// pass when there are any (no second forward), and records what it scored and how long it took.
/// </summary>
internal sealed class NetworkFocusSource : IFocusSource
{
    private readonly EcgNetwork _network;
    private readonly Tensor _inputs;
    private readonly Tensor _labels;
    private readonly Tensor? _activations;
    private readonly List<(int Row, float Focus)> _scored = [];
    private readonly Stopwatch _clock = new();

    /// <summary>Creates the source; tensors belong to the caller's dispose scope.</summary>
    /// <param name="network">The network, in eval mode when scores are requested.</param>
    /// <param name="inputs">The batch (B, leads, samples).</param>
    /// <param name="labels">True classes, int64 (B).</param>
    /// <param name="activations">Trunk output of the confidence pass for the same batch, or null to compute it on request.</param>
    public NetworkFocusSource(EcgNetwork network, Tensor inputs, Tensor labels, Tensor? activations)
    {
        _network = network;
        _inputs = inputs;
        _labels = labels;
        _activations = activations;
    }

    /// <summary>Every (row, focus) scored so far, in request order.</summary>
    public IReadOnlyList<(int Row, float Focus)> Scored => _scored;

    /// <summary>Wall-clock time spent scoring, trunk forward included when it had to be run.</summary>
    public TimeSpan Elapsed => _clock.Elapsed;

    /// <inheritdoc />
    public float[] Score(IReadOnlyList<int> rows)
    {
        if (rows.Count == 0) return [];
        _clock.Start();
        try
        {
            using var scope = NewDisposeScope();
            using var index = tensor(rows.Select(row => (long)row).ToArray(), device: _inputs.device);
            Tensor activations;
            using (no_grad())
                activations = _activations is null
                    ? _network.Trunk(_inputs.index_select(0, index))
                    : _activations.index_select(0, index);
            var profiles = GradCam.TimeProfiles(_network, activations, _labels.index_select(0, index));
            float[] focus = FocusScore.Compute(profiles).cpu().data<float>().ToArray();
            for (int i = 0; i < rows.Count; i++) _scored.Add((rows[i], focus[i]));
            return focus;
        }
        finally
        {
            _clock.Stop();
        }
    }
}
