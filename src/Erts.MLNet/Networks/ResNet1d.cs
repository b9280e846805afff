using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Erts.MLNet.Networks;

/// <summary>
/// The reference 1-D ResNet: a strided stem, four residual basic blocks (64-128-192-256 channels), global average
/// pooling over time and one linear layer. Identical to the PyTorch peer <c>resnet1d_torch.py</c>, state-dict keys
/// included (<c>stem.*</c>, <c>body.N.{c1,b1,c2,b2,sc}.*</c>, <c>head.*</c>).
/// </summary>
/// <remarks>
/// The explained layer is the output of the last block: 256 channels at 1/32 of the input length (T' = 32 for
/// 1000 samples). The head is GAP + linear, so Grad-CAM takes the CAM fast path. 1,560,837 parameters for 12 leads
/// and 5 classes.
/// </remarks>
public sealed class ResNet1d : EcgNetwork
{
    /// <summary>Channels after the stem and after each block; the last is the explained layer's width.</summary>
    public static IReadOnlyList<int> Widths { get; } = [64, 64, 128, 192, 256];

    private readonly Sequential stem;
    private readonly Sequential body;
    private readonly Linear head;

    /// <summary>Creates an untrained network.</summary>
    /// <param name="leads">Input channels (ECG leads), at least 1.</param>
    /// <param name="classes">Output classes, at least 2.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size is out of range.</exception>
    public ResNet1d(int leads, int classes) : base(nameof(ResNet1d))
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(leads, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 2);
        stem = nn.Sequential(
            nn.Conv1d(leads, Widths[0], 15, stride: 2, padding: 7, bias: false),
            nn.BatchNorm1d(Widths[0]),
            nn.ReLU(),
            nn.MaxPool1d(3, stride: 2, padding: 1));
        body = nn.Sequential(
            new BasicBlock1d(Widths[0], Widths[1], stride: 1),
            new BasicBlock1d(Widths[1], Widths[2], stride: 2),
            new BasicBlock1d(Widths[2], Widths[3], stride: 2),
            new BasicBlock1d(Widths[3], Widths[4], stride: 2));
        head = nn.Linear(Widths[^1], classes);
        RegisterComponents();
    }

    /// <inheritdoc />
    public override Tensor Trunk(Tensor input) => body.call(stem.call(input));

    /// <inheritdoc />
    public override Tensor Head(Tensor activations) => head.call(activations.mean([-1]));

    /// <inheritdoc />
    public override nn.Module<Tensor, Tensor> GlobalAveragePoolingLinearHead => head;
}
