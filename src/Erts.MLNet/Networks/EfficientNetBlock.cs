using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Erts.MLNet.Networks;

/// <summary>
/// One EfficientNetV2 block (Tan and Le 2021, as in torchvision): a Fused-MBConv or an MBConv conv stack, plus an
/// identity residual with stochastic depth when input and output shapes agree.
/// </summary>
internal sealed class EfficientNetBlock : nn.Module<Tensor, Tensor>
{
    /// <summary>EfficientNetV2's BatchNorm epsilon.</summary>
    public const double NormEpsilon = 1e-3;

    private readonly Sequential block;
    private readonly bool residual;
    private readonly double dropProbability;

    private EfficientNetBlock(Sequential block, bool residual, double dropProbability) : base(nameof(EfficientNetBlock))
    {
        this.block = block;
        this.residual = residual;
        this.dropProbability = dropProbability;
        RegisterComponents();
    }

    /// <summary>Fused-MBConv: one full k x k conv expands (or maps directly when the ratio is 1), a 1x1 conv projects.</summary>
    public static EfficientNetBlock Fused(long input, long output, long expandRatio, long kernel, long stride, double dropProbability)
    {
        long expanded = input * expandRatio; // every EfficientNetV2-S width is already a multiple of 8
        var layers = expanded == input
            ? nn.Sequential(ImageLayers.ConvNormActivation(input, output, kernel, stride, () => nn.SiLU(), epsilon: NormEpsilon))
            : nn.Sequential(
                ImageLayers.ConvNormActivation(input, expanded, kernel, stride, () => nn.SiLU(), epsilon: NormEpsilon),
                ImageLayers.ConvNormActivation(expanded, output, 1, 1, activation: null, epsilon: NormEpsilon));
        return new EfficientNetBlock(layers, stride == 1 && input == output, dropProbability);
    }

    /// <summary>MBConv: 1x1 expansion, k x k depthwise conv, squeeze-and-excitation (input/4), 1x1 projection.</summary>
    public static EfficientNetBlock Depthwise(long input, long output, long expandRatio, long kernel, long stride, double dropProbability)
    {
        long expanded = input * expandRatio;
        var layers = new List<nn.Module<Tensor, Tensor>>();
        if (expanded != input) layers.Add(ImageLayers.ConvNormActivation(input, expanded, 1, 1, () => nn.SiLU(), epsilon: NormEpsilon));
        layers.Add(ImageLayers.ConvNormActivation(expanded, expanded, kernel, stride, () => nn.SiLU(), groups: expanded, epsilon: NormEpsilon));
        layers.Add(torchvision.ops.SqueezeExcitation(expanded, Math.Max(1, input / 4), activation: () => nn.SiLU()));
        layers.Add(ImageLayers.ConvNormActivation(expanded, output, 1, 1, activation: null, epsilon: NormEpsilon));
        return new EfficientNetBlock(nn.Sequential(layers.ToArray()), stride == 1 && input == output, dropProbability);
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        var result = block.call(input);
        if (!residual) return result;
        return torchvision.ops.stochastic_depth(result, dropProbability, torchvision.StochasticDepth.Mode.Row, training) + input;
    }
}
