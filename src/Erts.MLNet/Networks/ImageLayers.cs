using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Erts.MLNet.Networks;

/// <summary>Small 2-D building blocks shared by the image backbones.</summary>
internal static class ImageLayers
{
    /// <summary>Conv (no bias, "same" padding) -> BatchNorm -> optional activation, as torchvision's Conv2dNormActivation.</summary>
    /// <param name="input">Input channels.</param>
    /// <param name="output">Output channels.</param>
    /// <param name="kernel">Square kernel size (odd).</param>
    /// <param name="stride">Stride.</param>
    /// <param name="activation">Activation after the norm, or null for none (projection layers).</param>
    /// <param name="groups">Convolution groups (= channels for a depthwise conv).</param>
    /// <param name="epsilon">BatchNorm epsilon.</param>
    public static Sequential ConvNormActivation(long input, long output, long kernel, long stride,
        Func<nn.Module<Tensor, Tensor>>? activation, long groups = 1, double epsilon = 1e-5)
    {
        var layers = new List<nn.Module<Tensor, Tensor>>
        {
            nn.Conv2d(input, output, kernel, stride: stride, padding: (kernel - 1) / 2, groups: groups, bias: false),
            nn.BatchNorm2d(output, eps: epsilon),
        };
        if (activation is not null) layers.Add(activation());
        return nn.Sequential(layers.ToArray());
    }

    /// <summary>Global average pooling over height and time, flattened to (batch, channels).</summary>
    public static IEnumerable<(string, nn.Module<Tensor, Tensor>)> GlobalPooling() =>
        [("avgpool", nn.AdaptiveAvgPool2d(1)), ("flatten", nn.Flatten())];

    /// <summary>
    /// torchvision's initialisation for networks trained from scratch: Kaiming-normal (fan-out) conv weights, zero
    /// conv biases; BatchNorm keeps its ones/zeros.
    /// </summary>
    public static void InitialiseConvolutions(nn.Module module)
    {
        using var noGrad = no_grad();
        foreach (var conv in module.modules().OfType<Conv2d>())
        {
            nn.init.kaiming_normal_(conv.weight!, mode: nn.init.FanInOut.FanOut, nonlinearity: nn.init.NonlinearityType.ReLU);
            conv.bias?.zero_();
        }
    }
}
