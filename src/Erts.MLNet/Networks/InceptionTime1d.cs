using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Erts.MLNet.Networks;

/// <summary>
/// InceptionTime (Fawaz et al. 2020, one network of the ensemble): six inception modules (bottleneck 32, kernels
/// 39/19/9 + a max-pool branch, 32 filters per branch) with a residual connection every three, then global average
/// pooling and one linear layer. Keeps the full time resolution up to the head.
/// </summary>
/// <remarks>
/// The explained layer is the output of the last residual block: 128 channels at the input length (T' = samples),
/// so its Grad-CAM profiles are as fine as the ECG itself. The head is GAP + linear: CAM fast path.
/// </remarks>
public sealed class InceptionTime1d : EcgNetwork
{
    /// <summary>Inception modules in total (a multiple of the three per residual block).</summary>
    public const int Depth = 6;

    /// <summary>Channels of each branch; a module outputs four times this.</summary>
    public const int Filters = 32;

    /// <summary>Channels of each module's 1x1 bottleneck.</summary>
    public const int BottleneckWidth = 32;

    private readonly Sequential body;
    private readonly Linear head;

    /// <summary>Creates an untrained network.</summary>
    /// <param name="leads">Input channels (ECG leads), at least 1.</param>
    /// <param name="classes">Output classes, at least 2.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size is out of range.</exception>
    public InceptionTime1d(int leads, int classes) : base(nameof(InceptionTime1d))
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(leads, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 2);
        int width = Filters * (InceptionModule1d.Kernels.Count + 1);
        body = nn.Sequential(Enumerable.Range(0, Depth / InceptionBlock1d.ModulesPerBlock)
            .Select(i => (nn.Module<Tensor, Tensor>)new InceptionBlock1d(i == 0 ? leads : width, Filters, BottleneckWidth))
            .ToArray());
        head = nn.Linear(width, classes);
        RegisterComponents();
    }

    /// <inheritdoc />
    public override Tensor Trunk(Tensor input) => body.call(input);

    /// <inheritdoc />
    public override Tensor Head(Tensor activations) => head.call(activations.mean([-1]));

    /// <inheritdoc />
    public override nn.Module<Tensor, Tensor> GlobalAveragePoolingLinearHead => head;
}
