using Erts.MLNet.Training;
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

    /// <summary>
    /// Class probabilities of <paramref name="records"/>, plus the <paramref name="extras"/> asked for; records longer
    /// than the network's input are scored by sliding windows (<see cref="WindowedInference"/>).
    /// </summary>
    /// <param name="records">The rows' signals (leads x samples each), lengths and raw auxiliary features; the features are
    /// standardised in place (callers hand over a batch built for this call).</param>
    /// <param name="extras">Also compute the Grad-CAM time profile of each row's predicted class, and/or its embedding.</param>
    public PredictionBatch Predict(RecordBatch records, ExtraOutputs extras)
    {
        if (records.Signals.Length != records.Count * Description.SignalLength)
            throw new ArgumentException($"Expected {records.Count} x {Description.Leads} x {Description.Samples} values, got {records.Signals.Length}.", nameof(records));
        bool explain = extras.HasFlag(ExtraOutputs.Explanation), embed = extras.HasFlag(ExtraOutputs.Embedding);
        if (records.Count == 0) return new PredictionBatch([], explain ? [] : null, embed ? [] : null, 0);
        if (records.Auxiliary is { } auxiliary) Description.AuxiliaryScaling!.Apply(auxiliary);

        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            // One trunk pass feeds the head, the embedding and the windows' mean alike; Grad-CAM enables the one gradient it needs itself.
            var (probabilities, embeddings, profiles) = WindowedInference.Run(
                _network, records, Description.Window, Description.Stride, _device, embed, explain);
            return new PredictionBatch(probabilities, profiles, embeddings, records.Count);
        }
    }

    /// <summary>Grad-CAM explanation of one signal (<see cref="GradCam.Explain"/>), serialised with the other calls.</summary>
    /// <remarks>
    /// A model that scores whole records by windows, or takes auxiliary features, is explained through the same windowed
    /// path as scoring: probabilities averaged over the windows, the profile of the predicted class laid over the whole
    /// record, its focus measured on that profile.
    /// </remarks>
    /// <exception cref="Transforms.NonFiniteSignalException">A sample of <paramref name="signal"/> is NaN or infinite.</exception>
    /// <exception cref="Data.NonFiniteValueException">An auxiliary feature, or a probability the network gives, is NaN or infinite.</exception>
    public EcgExplanation Explain(float[] signal, int? targetClass, int? length = null, float[]? auxiliary = null)
    {
        // Refused as scoring refuses them: a NaN probability would reach the caller's reports (JSON has no NaN).
        RecordReader.RequireFiniteSignal(signal, Description, position: 0);
        if (auxiliary is not null) RecordReader.RequireFiniteAuxiliary(auxiliary, Description.AuxiliaryColumnName ?? "auxiliary features", position: 0);
        bool windowed = Description.Window != Description.Samples || length is not null || Description.AuxiliarySize > 0;
        if (!windowed)
        {
            EcgExplanation explanation;
            lock (_gate)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                explanation = GradCam.Explain(_network, signal, Description.Leads, targetClass, Description.FocusResolution);
            }
            var probabilities = new PredictionBatch(explanation.Probabilities.ToArray(), null, null, 1);
            RecordReader.RequireFiniteScores(probabilities, Description, firstPosition: 0);
            return explanation;
        }
        if (targetClass is not null)
            throw new NotSupportedException("Explaining a class other than the predicted one is not available for windowed or auxiliary-feature models.");
        var record = new RecordBatch(signal, 1, Description.Leads, Description.Samples, length is { } l ? [l] : null, auxiliary?.ToArray(), Description.AuxiliarySize);
        var batch = Predict(record, ExtraOutputs.Explanation);
        RecordReader.RequireFiniteScores(batch, Description, firstPosition: 0);
        int predicted = batch.PredictedClass(0);
        var profile = batch.Profile(0)[..(length ?? Description.Samples)].ToArray();
        return new EcgExplanation(predicted, batch.Probabilities(0).ToArray(), predicted, profile, FocusScore.Compute(profile));
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
        using var input = zeros([1, Description.Leads, Description.Window], device: _device);
        return (int)_network.Embedding(input).shape[1];
    }

    private static float[] ToArray(Tensor values) => values.cpu().data<float>().ToArray();
}
