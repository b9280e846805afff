using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Erts.MLNet.Networks;

/// <summary>
/// Three InceptionTime modules wrapped by one residual connection (a 1x1 conv + BN shortcut), then ReLU.
/// </summary>
internal sealed class InceptionBlock1d : nn.Module<Tensor, Tensor>
{
    /// <summary>Inception modules per residual connection.</summary>
    public const int ModulesPerBlock = 3;

    private readonly Sequential layers;
    private readonly Sequential shortcut;

    /// <summary>Creates the block; its output has 4 x <paramref name="filters"/> channels.</summary>
    /// <param name="input">Input channels.</param>
    /// <param name="filters">Channels per inception branch.</param>
    /// <param name="bottleneckWidth">Channels of each module's bottleneck.</param>
    public InceptionBlock1d(int input, int filters, int bottleneckWidth) : base(nameof(InceptionBlock1d))
    {
        int output = filters * (InceptionModule1d.Kernels.Count + 1);
        layers = nn.Sequential(Enumerable.Range(0, ModulesPerBlock)
            .Select(i => (nn.Module<Tensor, Tensor>)new InceptionModule1d(i == 0 ? input : output, filters, bottleneckWidth))
            .ToArray());
        shortcut = nn.Sequential(nn.Conv1d(input, output, 1, bias: false), nn.BatchNorm1d(output));
        RegisterComponents();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input) => nn.functional.relu(layers.call(input) + shortcut.call(input));
}
