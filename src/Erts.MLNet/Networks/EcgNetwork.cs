using TorchSharp;
using static TorchSharp.torch;

namespace Erts.MLNet.Networks;

/// <summary>
/// An ECG classifier split where Grad-CAM needs it: a <see cref="Trunk"/> that ends at the explained layer, and a
/// <see cref="Head"/> that turns those activations into class logits.
/// </summary>
/// <remarks>
/// Input is a batch of ECGs shaped (batch, leads, samples). The trunk's output is (batch, channels, time) for 1-D
/// networks and (batch, channels, height, time) for 2-D ones; the last axis is always time, which is what the
/// focus score measures. Sub-module field names become state-dict keys, so keep them stable once released.
/// </remarks>
public abstract class EcgNetwork : nn.Module<Tensor, Tensor>
{
    /// <summary>Creates the module; derived classes register their components.</summary>
    /// <remarks>
    /// The first network of a process also turns libtorch's NNPACK off when NNPACK cannot initialise on this CPU, before
    /// any convolution could make libtorch print "Could not initialize NNPACK!" (NnpackSwitch).
    /// </remarks>
    protected EcgNetwork(string name) : base(name) => NnpackSwitch.EnsureChecked();

    /// <summary>Input (batch, leads, samples) to the explained layer's activations; the last axis is time.</summary>
    public abstract Tensor Trunk(Tensor input);

    /// <summary>Activations of the explained layer to logits (batch, classes).</summary>
    public abstract Tensor Head(Tensor activations);

    /// <summary>
    /// The final linear layer when the head is exactly global average pooling followed by that one layer; then
    /// Grad-CAM equals CAM and needs no backward pass. Null for any other head.
    /// </summary>
    public virtual nn.Module<Tensor, Tensor>? GlobalAveragePoolingLinearHead => null;

    /// <summary>
    /// The learned representation of each ECG, (batch, channels): by default the trunk's activations averaged over
    /// time (and height), which for a global-average-pooling head is exactly what its final linear layer reads.
    /// Classic models (FastTree) can be trained on it.
    /// </summary>
    /// <param name="input">A batch of ECGs, (batch, leads, samples).</param>
    /// <remarks>Equals <c>EmbeddingOf(Trunk(input))</c>; a network with another representation overrides <see cref="EmbeddingOf"/>.</remarks>
    public virtual Tensor Embedding(Tensor input)
    {
        using var activations = Trunk(input);
        return EmbeddingOf(activations);
    }

    /// <summary>
    /// The embedding computed from activations <see cref="Trunk"/> already gave, so that scoring can add it without
    /// a second forward pass: the activations averaged over every axis after channels (time, and height for 2-D
    /// networks), (batch, channels).
    /// </summary>
    /// <param name="activations">The trunk's output, (batch, channels, time) or (batch, channels, height, time).</param>
    public virtual Tensor EmbeddingOf(Tensor activations) => activations.flatten(2).mean([2]);

    /// <summary>
    /// Time positions T' of the explained layer for inputs of <paramref name="samples"/> samples per lead, measured
    /// by one row of zeros through <see cref="Trunk"/> in eval mode (no backbone states its downsampling).
    /// </summary>
    /// <param name="leads">Leads of the input, at least 1.</param>
    /// <param name="samples">Samples per lead, at least 1.</param>
    public int ExplainedLength(int leads, int samples)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(leads, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, 1);
        bool wasTraining = training;
        eval(); // a training-mode forward would move BatchNorm's running statistics
        try
        {
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            var device = parameters().FirstOrDefault()?.device ?? CPU;
            return (int)Trunk(zeros([1, leads, samples], device: device)).shape[^1];
        }
        finally
        {
            train(wasTraining);
        }
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input) => Head(Trunk(input));
}
