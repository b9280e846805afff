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
    /// <summary>Width of the hidden layer of the auxiliary-feature branch (<see cref="AddAuxiliaryBranch"/>).</summary>
    public const int AuxiliaryHiddenWidth = 32;

    // Registered under "auxiliary" when added, so its weights are in parameters() and the state dict.
    private nn.Module<Tensor, Tensor>? auxiliary;

    /// <summary>Creates the module; derived classes register their components.</summary>
    /// <remarks>
    /// The first network of a process also turns libtorch's NNPACK off when NNPACK cannot initialise on this CPU, before
    /// any convolution could make libtorch print "Could not initialize NNPACK!" (NnpackSwitch).
    /// </remarks>
    protected EcgNetwork(string name) : base(name) => NnpackSwitch.EnsureChecked();

    /// <summary>Auxiliary features per row the network takes besides the signal (0: none, see <see cref="AddAuxiliaryBranch"/>).</summary>
    public int AuxiliaryFeatures { get; private set; }

    /// <summary>Dropout probability on the explained layer's activations before the head, in training mode only (<see cref="Logits"/>).</summary>
    public double ActivationDropout { get; set; }

    /// <summary>The values (weights and biases) <see cref="AddAuxiliaryBranch"/> adds to the state dict, and in how many tensors.</summary>
    internal static (long Values, int Tensors) AuxiliaryBranchSize(int features, int classes) =>
        ((long)features * AuxiliaryHiddenWidth + AuxiliaryHiddenWidth + (long)AuxiliaryHiddenWidth * classes + classes, 4);

    /// <summary>
    /// Adds a branch that takes <paramref name="features"/> auxiliary values per row (standardised by the caller) through a
    /// two-layer perceptron (<see cref="AuxiliaryHiddenWidth"/> ReLU units) to class logits that add to the head's:
    /// the same as concatenating the perceptron's hidden output to the pooled embedding before a final linear layer.
    /// The addition leaves Grad-CAM unchanged: the branch does not depend on the activations, so neither do the
    /// gradients it adds.
    /// </summary>
    /// <param name="features">Auxiliary values per row, at least 1.</param>
    /// <param name="classes">Output classes of the network.</param>
    /// <exception cref="InvalidOperationException">The network already has the branch.</exception>
    public void AddAuxiliaryBranch(int features, int classes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(features, 1);
        if (auxiliary is not null) throw new InvalidOperationException("The network already has an auxiliary-feature branch.");
        auxiliary = nn.Sequential(nn.Linear(features, AuxiliaryHiddenWidth), nn.ReLU(), nn.Linear(AuxiliaryHiddenWidth, classes));
        register_module(nameof(auxiliary), auxiliary);
        AuxiliaryFeatures = features;
    }

    /// <summary>
    /// Class logits from the trunk's activations and, when the network has the branch, the rows' auxiliary features:
    /// <see cref="Head"/> (after <see cref="ActivationDropout"/> in training mode) plus the auxiliary branch.
    /// </summary>
    /// <param name="activations">The trunk's output.</param>
    /// <param name="auxiliaryFeatures">(batch, <see cref="AuxiliaryFeatures"/>) standardised values, or null for a network without the branch.</param>
    /// <exception cref="ArgumentException">The branch and the features do not go together.</exception>
    public Tensor Logits(Tensor activations, Tensor? auxiliaryFeatures)
    {
        var pooledInput = training && ActivationDropout > 0 ? nn.functional.dropout(activations, ActivationDropout, training: true) : activations;
        var logits = Head(pooledInput);
        if (auxiliary is null)
            return auxiliaryFeatures is null ? logits : throw new ArgumentException("This network takes no auxiliary features.", nameof(auxiliaryFeatures));
        if (auxiliaryFeatures is null)
            throw new ArgumentException($"This network needs {AuxiliaryFeatures} auxiliary features per row.", nameof(auxiliaryFeatures));
        return logits + auxiliary.call(auxiliaryFeatures);
    }

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
