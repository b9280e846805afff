using Erts.MLNet.Explainability;
using Erts.MLNet.Networks;
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
        EmbeddingSize = description.EmbeddingColumnName is null ? 0 : MeasureEmbeddingSize();
    }

    /// <summary>Shape and classes of the network.</summary>
    public ModelDescription Description { get; }

    /// <summary>Values in one row's embedding; 0 when the model has no embedding column (then it is never measured).</summary>
    public int EmbeddingSize { get; }

    /// <summary>Forward pass over <paramref name="count"/> signals, plus the <paramref name="extras"/> asked for.</summary>
    /// <param name="signals">count x leads x samples values, lead-major.</param>
    /// <param name="count">Number of signals.</param>
    /// <param name="extras">Also compute the Grad-CAM time profile of each row's predicted class, and/or its embedding.</param>
    public PredictionBatch Predict(float[] signals, int count, ExtraOutputs extras)
    {
        int leads = Description.Leads, samples = Description.Samples;
        if (signals.Length != count * leads * samples)
            throw new ArgumentException($"Expected {count} x {leads} x {samples} values, got {signals.Length}.", nameof(signals));
        bool explain = extras.HasFlag(ExtraOutputs.Explanation), embed = extras.HasFlag(ExtraOutputs.Embedding);
        if (count == 0) return new PredictionBatch([], explain ? [] : null, embed ? [] : null, 0);

        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using var scope = NewDisposeScope();
            _network.eval();  // BatchNorm must use its running statistics; a caller may have switched modes.
            using var noGrad = no_grad();   // Grad-CAM enables the one gradient it needs itself.
            using var input = tensor(signals, [count, leads, samples]).to(_device);
            // One trunk pass feeds the head, the embedding and Grad-CAM alike.
            var activations = _network.Trunk(input);
            var logits = _network.Head(activations);
            var probabilities = ToArray(nn.functional.softmax(logits, 1));
            float[]? embeddings = embed ? ToArray(_network.EmbeddingOf(activations)) : null;
            float[]? profiles = explain ? ToArray(GradCam.Stretch(GradCam.TimeProfiles(_network, activations, logits.argmax(1)), samples)) : null;
            return new PredictionBatch(probabilities, profiles, embeddings, count);
        }
    }

    /// <summary>Grad-CAM explanation of one signal (<see cref="GradCam.Explain"/>), serialised with the other calls.</summary>
    public EcgExplanation Explain(float[] signal, int? targetClass)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return GradCam.Explain(_network, signal, Description.Leads, targetClass, Description.FocusResolution);
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

    // One row of zeros through the trunk: the embedding's width is the trunk's channel count, which no backbone states.
    private int MeasureEmbeddingSize()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        using var input = zeros([1, Description.Leads, Description.Samples], device: _device);
        return (int)_network.Embedding(input).shape[1];
    }

    private static float[] ToArray(Tensor values) => values.cpu().data<float>().ToArray();
}
