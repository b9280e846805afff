using Erts.MLNet.Explainability;
using Erts.MLNet.Networks;
using TorchSharp;
using static TorchSharp.torch;

namespace Erts.MLNet.Model;

/// <summary>
/// Runs a trained <see cref="EcgNetwork"/> for inference, from any thread: every call takes a lock, opens its own
/// dispose scope on the calling thread and returns managed arrays, so no tensor outlives the call or crosses threads.
/// Owns the network.
/// </summary>
internal sealed class NetworkRunner : IDisposable
{
    private readonly EcgNetwork _network;
    private readonly Device _device;
    private readonly object _gate = new();
    private bool _disposed;

    /// <summary>Takes ownership of <paramref name="network"/> and puts it in eval mode.</summary>
    /// <remarks>
    /// Parameters and buffers are detached from any dispose scope: dispose scopes are per thread, and a network built
    /// (or trained) inside one on another thread would otherwise be freed under our feet when that scope ends.
    /// </remarks>
    public NetworkRunner(EcgNetwork network, ModelDescription description)
    {
        _network = network;
        Description = description;
        foreach (var parameter in network.parameters()) parameter.DetachFromDisposeScope();
        foreach (var buffer in network.buffers()) buffer.DetachFromDisposeScope();
        _device = network.parameters().FirstOrDefault()?.device ?? CPU;
        network.eval();
    }

    /// <summary>Shape and classes of the network.</summary>
    public ModelDescription Description { get; }

    /// <summary>Forward pass (and Grad-CAM when <paramref name="explain"/>) over <paramref name="count"/> signals.</summary>
    /// <param name="signals">count x leads x samples values, lead-major.</param>
    /// <param name="count">Number of signals.</param>
    /// <param name="explain">Also compute the Grad-CAM time profile of each row's predicted class.</param>
    public PredictionBatch Predict(float[] signals, int count, bool explain)
    {
        int leads = Description.Leads, samples = Description.Samples;
        if (signals.Length != count * leads * samples)
            throw new ArgumentException($"Expected {count} x {leads} x {samples} values, got {signals.Length}.", nameof(signals));
        if (count == 0) return new PredictionBatch([], explain ? [] : null, 0);

        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using var scope = NewDisposeScope();
            _network.eval();  // BatchNorm must use its running statistics; a caller may have switched modes.
            using var noGrad = no_grad();   // Grad-CAM enables the one gradient it needs itself.
            using var input = tensor(signals, [count, leads, samples]).to(_device);
            var activations = _network.Trunk(input);
            var logits = _network.Head(activations);
            var probabilities = nn.functional.softmax(logits, 1).cpu().data<float>().ToArray();
            float[]? profiles = null;
            if (explain)
            {
                var timeProfiles = GradCam.TimeProfiles(_network, activations, logits.argmax(1));
                profiles = ToInputLength(timeProfiles, samples).cpu().data<float>().ToArray();
            }
            return new PredictionBatch(probabilities, profiles, count);
        }
    }

    /// <summary>Grad-CAM explanation of one signal (<see cref="GradCam.Explain"/>), serialised with the other calls.</summary>
    public EcgExplanation Explain(float[] signal, int? targetClass)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return GradCam.Explain(_network, signal, Description.Leads, targetClass);
        }
    }

    /// <summary>Writes the state dict (TorchSharp's own format).</summary>
    public void Save(BinaryWriter writer)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _network.save(writer);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            _network.Dispose();
        }
    }

    /// <summary>(B, T') profiles linearly resampled to (B, samples): the explained layer is usually shorter than the input.</summary>
    private static Tensor ToInputLength(Tensor profiles, int samples) =>
        profiles.shape[^1] == samples
            ? profiles
            : nn.functional.interpolate(profiles.unsqueeze(1), size: [samples], mode: InterpolationMode.Linear, align_corners: false).squeeze(1);
}
