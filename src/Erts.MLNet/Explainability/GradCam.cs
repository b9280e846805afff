using Erts.MLNet.Networks;
using static TorchSharp.torch;

namespace Erts.MLNet.Explainability;

/// <summary>
/// Grad-CAM time profiles on an <see cref="EcgNetwork"/>'s explained layer (the output of its trunk).
/// </summary>
public static class GradCam
{
    /// <summary>
    /// Grad-CAM of <paramref name="targets"/> from trunk activations already computed (so a confidence pass can be
    /// reused): the CAM fast path when the head is GAP + one linear layer, else the general path (one
    /// <c>autograd.grad</c> from the target logits to the activations; no parameter gradients).
    /// </summary>
    /// <param name="network">The network; call <c>eval()</c> first so BatchNorm does not couple the samples.</param>
    /// <param name="activations">Trunk output (B, K, T') or (B, K, H', T').</param>
    /// <param name="targets">Class index per sample, int64 (B).</param>
    /// <returns>(B, T') ReLU'd, not normalised, time profiles.</returns>
    public static Tensor TimeProfiles(EcgNetwork network, Tensor activations, Tensor targets) =>
        throw new NotImplementedException();
}
