using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Erts.MLNet.Networks;

/// <summary>
/// A 1-D residual basic block: conv(7)-BN-ReLU-conv(7)-BN plus a shortcut (identity, or conv(1)-BN when the shape
/// changes), then ReLU. Field names match the PyTorch peer (c1, b1, c2, b2, sc).
/// </summary>
internal sealed class BasicBlock1d : nn.Module<Tensor, Tensor>
{
    private const int Kernel = 7;

    private readonly Conv1d c1;
    private readonly BatchNorm1d b1;
    private readonly Conv1d c2;
    private readonly BatchNorm1d b2;
    private readonly Sequential? sc;

    /// <summary>Creates the block.</summary>
    /// <param name="input">Input channels.</param>
    /// <param name="output">Output channels.</param>
    /// <param name="stride">Stride of the first conv (and of the shortcut).</param>
    public BasicBlock1d(int input, int output, int stride) : base(nameof(BasicBlock1d))
    {
        c1 = nn.Conv1d(input, output, Kernel, stride: stride, padding: Kernel / 2, bias: false);
        b1 = nn.BatchNorm1d(output);
        c2 = nn.Conv1d(output, output, Kernel, padding: Kernel / 2, bias: false);
        b2 = nn.BatchNorm1d(output);
        sc = input == output && stride == 1
            ? null
            : nn.Sequential(nn.Conv1d(input, output, 1, stride: stride, bias: false), nn.BatchNorm1d(output));
        RegisterComponents();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        var residual = b2.call(c2.call(nn.functional.relu(b1.call(c1.call(input)))));
        return nn.functional.relu(residual + (sc is null ? input : sc.call(input)));
    }
}
