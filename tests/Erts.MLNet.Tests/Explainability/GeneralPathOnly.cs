using Erts.MLNet.Networks;
using static TorchSharp.torch;

namespace Erts.MLNet.Tests.Explainability;

/// <summary>
/// Test-only wrapper that hides a network's GAP + linear head, so <c>GradCam</c> must take the general
/// (autograd) path on the very same weights.
/// </summary>
internal sealed class GeneralPathOnly : EcgNetwork
{
    private readonly EcgNetwork inner;

    public GeneralPathOnly(EcgNetwork inner) : base(nameof(GeneralPathOnly))
    {
        this.inner = inner;
        RegisterComponents();
    }

    public override Tensor Trunk(Tensor input) => inner.Trunk(input);

    public override Tensor Head(Tensor activations) => inner.Head(activations);
}
