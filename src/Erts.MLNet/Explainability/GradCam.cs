using Erts.MLNet.Networks;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Erts.MLNet.Explainability;

/// <summary>
/// Grad-CAM time profiles on an <see cref="EcgNetwork"/>'s explained layer (the output of its trunk).
/// </summary>
/// <remarks>
/// For activations A (channels K, positions S = T' or H' x T') and the logit z_y of the target class:
/// alpha_k = mean over positions of dz_y/dA_k, M = ReLU(sum_k alpha_k A_k), and for 2-D maps M is averaged over the
/// height axis, leaving a time profile of length T'. When the head is global average pooling followed by one
/// linear layer W, dz_y/dA_k is the constant w_{y,k}/S, so alpha_k = w_{y,k}/S without any backward pass (CAM).
/// </remarks>
public static class GradCam
{
    /// <summary>
    /// Grad-CAM of <paramref name="targets"/> from trunk activations already computed (so a confidence pass can be
    /// reused): the CAM fast path when the head is GAP + one linear layer, else the general path (one
    /// <c>autograd.grad</c> from the target logits to the activations; no parameter gradients).
    /// </summary>
    /// <param name="network">The network; call <c>eval()</c> first so BatchNorm does not couple the samples.</param>
    /// <param name="activations">Trunk output (B, K, T') or (B, K, H', T'); not modified, may require grad.</param>
    /// <param name="targets">Class index per sample, int64 (B).</param>
    /// <returns>(B, T') ReLU'd, not normalised, time profiles (a fresh tensor without gradient history).</returns>
    /// <exception cref="ArgumentException">The shapes or the target type do not match the rules above.</exception>
    public static Tensor TimeProfiles(EcgNetwork network, Tensor activations, Tensor targets)
    {
        Validate(network, activations, targets);
        // A GAP + linear head implemented by anything but Linear still gets the (exact) general path.
        return network.GlobalAveragePoolingLinearHead is Linear classifier
            ? ClassActivationProfiles(classifier, activations, targets)
            : GradientProfiles(network, activations, targets);
    }

    /// <summary>
    /// Grad-CAM of <paramref name="targets"/> by the general path only (one <c>autograd.grad</c> through the head),
    /// even when the CAM fast path applies; for comparisons and benchmarks. Arguments as in <see cref="TimeProfiles"/>.
    /// </summary>
    /// <param name="network">The network, in eval mode.</param>
    /// <param name="activations">Trunk output (B, K, T') or (B, K, H', T'); not modified, may require grad.</param>
    /// <param name="targets">Class index per sample, int64 (B).</param>
    /// <returns>(B, T') ReLU'd, not normalised, time profiles.</returns>
    /// <exception cref="ArgumentException">The shapes or the target type are invalid.</exception>
    public static Tensor GradientTimeProfiles(EcgNetwork network, Tensor activations, Tensor targets)
    {
        Validate(network, activations, targets);
        return GradientProfiles(network, activations, targets);
    }

    /// <summary>
    /// Explains one ECG: predicts its class and returns the Grad-CAM profile of <paramref name="targetClass"/>
    /// (the predicted class when null), stretched to the input length by linear interpolation.
    /// </summary>
    /// <param name="network">The network; it runs in eval mode for the call and its mode is restored after.</param>
    /// <param name="signal">Lead-major samples (all of lead 0, then lead 1, ...), length leads x samples.</param>
    /// <param name="leads">Number of leads, at least 1, dividing the signal length.</param>
    /// <param name="targetClass">Class to explain, or null for the predicted class.</param>
    /// <param name="focusResolution">Where the returned focus is measured; the profile is returned stretched either way.</param>
    /// <exception cref="ArgumentException">The signal length is not a positive multiple of the lead count.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The lead count or target class is out of range.</exception>
    public static EcgExplanation Explain(EcgNetwork network, float[] signal, int leads, int? targetClass = null,
        FocusResolution focusResolution = FocusResolution.ExplainedLayer)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(signal);
        ArgumentOutOfRangeException.ThrowIfLessThan(leads, 1);
        if (signal.Length == 0 || signal.Length % leads != 0)
            throw new ArgumentException(
                $"The signal length must be a positive multiple of the lead count {leads}; got {signal.Length}.", nameof(signal));
        int samples = signal.Length / leads;

        bool wasTraining = network.training;
        network.eval();
        try
        {
            using var scope = NewDisposeScope();
            var device = network.parameters().First().device;
            var input = tensor(signal, [1, leads, samples], device: device);
            Tensor activations, probabilities;
            using (no_grad())
            {
                activations = network.Trunk(input);
                probabilities = nn.functional.softmax(network.Head(activations), 1).squeeze(0).cpu();
            }
            float[] classProbabilities = probabilities.data<float>().ToArray();
            int predicted = (int)probabilities.argmax().item<long>();
            int target = targetClass ?? predicted;
            ArgumentOutOfRangeException.ThrowIfNegative(target, nameof(targetClass));
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(target, classProbabilities.Length, nameof(targetClass));

            var profile = TimeProfiles(network, activations, tensor(new long[] { target }, device: device));
            var stretched = Stretch(profile, samples);
            float focus = FocusScore.Compute(profile, focusResolution, samples)[0].item<float>();
            return new EcgExplanation(
                predicted, classProbabilities, target, stretched.flatten().cpu().data<float>().ToArray(), focus);
        }
        finally
        {
            network.train(wasTraining);
        }
    }

    /// <summary>
    /// Time profiles (B, T') stretched to (B, <paramref name="length"/>) by linear interpolation (half-pixel centres,
    /// as images are upsampled), so that they line up with the input: the explained layer is usually shorter.
    /// </summary>
    /// <param name="profiles">Profiles (B, T'), T' at least 1; not modified. Returned as is when T' is already the length.</param>
    /// <param name="length">Target length, at least 1 (usually the input's samples).</param>
    /// <exception cref="ArgumentException">The profiles are not two-dimensional.</exception>
    public static Tensor Stretch(Tensor profiles, int length)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        if (profiles.dim() != 2)
            throw new ArgumentException($"Profiles must be shaped (batch, time); got {Describe(profiles)}.", nameof(profiles));
        return profiles.shape[1] == length
            ? profiles
            : nn.functional.interpolate(profiles.unsqueeze(1), size: [length], mode: InterpolationMode.Linear, align_corners: false).squeeze(1);
    }

    private static void Validate(EcgNetwork network, Tensor activations, Tensor targets)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(activations);
        ArgumentNullException.ThrowIfNull(targets);
        if (activations.dim() is not (3 or 4))
            throw new ArgumentException(
                $"Activations must be (batch, channels, time) or (batch, channels, height, time); got {Describe(activations)}.",
                nameof(activations));
        if (targets.dim() != 1 || targets.shape[0] != activations.shape[0] || targets.dtype != ScalarType.Int64)
            throw new ArgumentException(
                $"Targets must be int64 shaped ({activations.shape[0]}) to match the activations' batch; got {targets.dtype} {Describe(targets)}.",
                nameof(targets));
    }

    /// <summary>General Grad-CAM: channel weights are the mean gradient of the target logits.</summary>
    private static Tensor GradientProfiles(EcgNetwork network, Tensor activations, Tensor targets)
    {
        using var scope = NewDisposeScope();
        // A fresh leaf, so the backward stops at the explained layer and never reaches the trunk's parameters.
        var leaf = activations.detach().requires_grad_(true);
        Tensor gradient;
        using (enable_grad())
        {
            // Samples are independent in eval mode, so the gradient of the summed target logits holds each
            // sample's own dz_y/dA.
            var targetLogits = network.Head(leaf).gather(1, targets.unsqueeze(1)).sum();
            gradient = autograd.grad([targetLogits], [leaf])[0];
        }
        using var noGrad = no_grad();
        var channelWeights = gradient.flatten(2).mean([2]);
        return WeightedTimeProfile(channelWeights, leaf.detach()).MoveToOuterDisposeScope();
    }

    /// <summary>CAM: for a GAP + linear head, the mean gradient is the class weight over the position count.</summary>
    private static Tensor ClassActivationProfiles(Linear classifier, Tensor activations, Tensor targets)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var values = activations.detach();
        // Held until after the division reads it: an implicitly converted Scalar could be finalized during the call.
        using var positions = (values.numel() / (values.shape[0] * values.shape[1])).ToScalar();
        var channelWeights = classifier.weight!.index_select(0, targets) / positions;
        return WeightedTimeProfile(channelWeights, values).MoveToOuterDisposeScope();
    }

    /// <summary>ReLU(sum_k w_k A_k) per sample, averaged over the height axis of 2-D maps: (B, T').</summary>
    private static Tensor WeightedTimeProfile(Tensor channelWeights, Tensor activations)
    {
        var spatialShape = activations.shape.Skip(2).Prepend(activations.shape[0]).ToArray();
        var map = channelWeights.unsqueeze(1).bmm(activations.flatten(2)).view(spatialShape).relu();
        return activations.dim() == 4 ? map.mean([1]) : map;
    }

    private static string Describe(Tensor tensor) => "(" + string.Join(", ", tensor.shape) + ")";
}
