using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Erts.MLNet.Networks;

/// <summary>
/// One InceptionTime module (Fawaz et al. 2020): a 1x1 bottleneck feeding three parallel convolutions of different
/// lengths, beside a max-pool + 1x1 branch on the raw input; the four outputs are concatenated, normalised and
/// ReLU'd.
/// </summary>
internal sealed class InceptionModule1d : nn.Module<Tensor, Tensor>
{
    /// <summary>Kernel lengths of the parallel convolutions (odd, so "same" padding is symmetric).</summary>
    public static IReadOnlyList<int> Kernels { get; } = [39, 19, 9];

    private readonly nn.Module<Tensor, Tensor> bottleneck;
    private readonly ModuleList<Conv1d> convs;
    private readonly MaxPool1d pool;
    private readonly Conv1d poolconv;
    private readonly BatchNorm1d bn;

    /// <summary>Creates the module; its output has 4 x <paramref name="filters"/> channels.</summary>
    /// <param name="input">Input channels.</param>
    /// <param name="filters">Channels per branch.</param>
    /// <param name="bottleneckWidth">Channels of the bottleneck; skipped (identity) when the input has one channel.</param>
    public InceptionModule1d(int input, int filters, int bottleneckWidth) : base(nameof(InceptionModule1d))
    {
        // As in the original, a single-channel input is not worth squeezing.
        int squeezed = input > 1 ? bottleneckWidth : input;
        bottleneck = input > 1 ? nn.Conv1d(input, bottleneckWidth, 1, bias: false) : nn.Identity();
        convs = nn.ModuleList(Kernels.Select(k => nn.Conv1d(squeezed, filters, k, padding: k / 2, bias: false)).ToArray());
        pool = nn.MaxPool1d(3, stride: 1, padding: 1);
        poolconv = nn.Conv1d(input, filters, 1, bias: false);
        bn = nn.BatchNorm1d(filters * (Kernels.Count + 1));
        RegisterComponents();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        var squeezed = bottleneck.call(input);
        var branches = convs.Select(conv => conv.call(squeezed)).Append(poolconv.call(pool.call(input))).ToList();
        return nn.functional.relu(bn.call(cat(branches, 1)));
    }
}
