using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using Layer = (string Name, TorchSharp.torch.nn.Module<TorchSharp.torch.Tensor, TorchSharp.torch.Tensor> Module);

namespace Erts.MLNet.Networks;

/// <summary>
/// A 2-D image backbone over the ECG, as in the ERTS paper: the (leads x samples) signal becomes a one-channel
/// image of at least 32 rows (leads centred, zero rows above and below: 10 + 12 + 10 for 12 leads), fed to an
/// untrained torchvision architecture whose first conv takes one input channel, with the head
/// Linear(F, 128) -> ReLU -> Dropout(0.3) -> Linear(128, classes).
/// </summary>
/// <remarks>
/// <para>
/// The trunk ends at the paper's Grad-CAM target: ResNet-18 <c>layer3</c>, the last inverted-residual stage of
/// MobileNetV2, the last MBConv stage of EfficientNetV2-S. The rest of the architecture (remaining stages and
/// global pooling) runs in the head, so its Grad-CAM uses the general (autograd) path.
/// </para>
/// <para>
/// State-dict keys are <c>trunk.*</c>, <c>tail.*</c> (the architecture after the explained layer, pooling
/// included) and <c>head.*</c>; inside, the names follow torchvision (<c>conv1</c>, <c>layer3</c>, feature indices).
/// </para>
/// </remarks>
public sealed class EcgImageNetwork : EcgNetwork
{
    /// <summary>Rows of the image the ECG is drawn into (more when there are more leads).</summary>
    public const int ImageRows = 32;

    /// <summary>Width of the hidden layer of the paper's head.</summary>
    public const int HeadWidth = 128;

    /// <summary>Dropout probability of the paper's head.</summary>
    public const double ClassifierDropout = 0.3;

    private readonly Sequential trunk;
    private readonly Sequential tail;
    private readonly Sequential head;
    private readonly long topRows;
    private readonly long bottomRows;

    private EcgImageNetwork(string name, int leads, int classes, IEnumerable<Layer> trunkLayers,
        IEnumerable<Layer> tailLayers, long features) : base(name)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(leads, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 2);
        topRows = Math.Max(0, ImageRows - leads) / 2;
        bottomRows = Math.Max(0, ImageRows - leads) - topRows;
        trunk = nn.Sequential(trunkLayers);
        tail = nn.Sequential(tailLayers.Concat(ImageLayers.GlobalPooling()));
        head = nn.Sequential(
            nn.Linear(features, HeadWidth),
            nn.ReLU(),
            nn.Dropout(ClassifierDropout),
            nn.Linear(HeadWidth, classes));
        RegisterComponents();
        ImageLayers.InitialiseConvolutions(this);
    }

    /// <summary>
    /// torchvision's ResNet-18 (He et al. 2016); explained layer <c>layer3</c>: 256 channels, H' = 2,
    /// T' = samples / 16.
    /// </summary>
    /// <param name="leads">Input leads, at least 1.</param>
    /// <param name="classes">Output classes, at least 2.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size is out of range.</exception>
    public static EcgImageNetwork ResNet18(int leads, int classes)
    {
        var parts = TorchVisionChildren(torchvision.models.resnet18(num_classes: classes), discard: ["conv1", "fc", "avgpool", "flatten"]);
        Layer[] trunkLayers =
        [
            ("conv1", nn.Conv2d(1, 64, 7, stride: 2, padding: 3, bias: false)),
            ("bn1", parts["bn1"]), ("relu", parts["relu"]), ("maxpool", parts["maxpool"]),
            ("layer1", parts["layer1"]), ("layer2", parts["layer2"]), ("layer3", parts["layer3"]),
        ];
        return new EcgImageNetwork("ResNet18_2d", leads, classes, trunkLayers, [("layer4", parts["layer4"])], 512);
    }

    /// <summary>
    /// torchvision's MobileNetV2 (Sandler et al. 2018); explained layer: the last inverted residual (features 17):
    /// 320 channels, H' = 1, T' = samples / 32.
    /// </summary>
    /// <param name="leads">Input leads, at least 1.</param>
    /// <param name="classes">Output classes, at least 2.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size is out of range.</exception>
    public static EcgImageNetwork MobileNetV2(int leads, int classes)
    {
        const int lastIndex = 18; // features 18 is the final 1x1 conv to 1280 channels
        var features = TorchVisionChildren(
            TorchVisionChildren(torchvision.models.mobilenet_v2(num_classes: classes), discard: ["classifier"])["features"],
            discard: ["0"]);
        // features 0 is conv(3 -> 32, stride 2)-BN-ReLU6: rebuilt for one input channel.
        var stem = ImageLayers.ConvNormActivation(1, 32, 3, 2, () => nn.ReLU6());
        var trunkLayers = Enumerable.Range(1, lastIndex - 1).Select(i => (Layer)(i.ToString(), features[i.ToString()])).Prepend(("0", stem));
        return new EcgImageNetwork("MobileNetV2_2d", leads, classes, trunkLayers, [(lastIndex.ToString(), features[lastIndex.ToString()])], 1280);
    }

    /// <summary>
    /// EfficientNetV2-S (Tan and Le 2021, torchvision's configuration, stochastic depth 0.2); explained layer: the
    /// last MBConv stage (features 6): 256 channels, H' = 1, T' = samples / 32.
    /// </summary>
    /// <param name="leads">Input leads, at least 1.</param>
    /// <param name="classes">Output classes, at least 2.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size is out of range.</exception>
    public static EcgImageNetwork EfficientNetV2S(int leads, int classes)
    {
        // torchvision's table: fused?, expansion, kernel, first stride, input, output, repeats.
        (bool Fused, long Expand, long Kernel, long Stride, long Input, long Output, int Repeats)[] stages =
        [
            (true, 1, 3, 1, 24, 24, 2), (true, 4, 3, 2, 24, 48, 4), (true, 4, 3, 2, 48, 64, 4),
            (false, 4, 3, 2, 64, 128, 6), (false, 6, 3, 1, 128, 160, 9), (false, 6, 3, 2, 160, 256, 15),
        ];
        const double stochasticDepth = 0.2;
        int totalBlocks = stages.Sum(stage => stage.Repeats), blockIndex = 0;
        var features = new List<nn.Module<Tensor, Tensor>>
        {
            ImageLayers.ConvNormActivation(1, 24, 3, 2, () => nn.SiLU(), epsilon: EfficientNetBlock.NormEpsilon),
        };
        foreach (var stage in stages)
        {
            var blocks = new List<nn.Module<Tensor, Tensor>>();
            for (int i = 0; i < stage.Repeats; i++, blockIndex++)
            {
                long input = i == 0 ? stage.Input : stage.Output, stride = i == 0 ? stage.Stride : 1;
                double drop = stochasticDepth * blockIndex / totalBlocks; // grows linearly with depth
                blocks.Add(stage.Fused
                    ? EfficientNetBlock.Fused(input, stage.Output, stage.Expand, stage.Kernel, stride, drop)
                    : EfficientNetBlock.Depthwise(input, stage.Output, stage.Expand, stage.Kernel, stride, drop));
            }
            features.Add(nn.Sequential(blocks.ToArray()));
        }
        const long lastChannels = 1280;
        var last = ImageLayers.ConvNormActivation(stages[^1].Output, lastChannels, 1, 1, () => nn.SiLU(), epsilon: EfficientNetBlock.NormEpsilon);
        return new EcgImageNetwork("EfficientNetV2S_2d", leads, classes, Indexed(features), [(features.Count.ToString(), last)], lastChannels);
    }

    /// <summary>The ECG (batch, leads, samples) as a centred one-channel image, then the trunk.</summary>
    public override Tensor Trunk(Tensor input) => trunk.call(ToImage(input));

    /// <summary>(batch, leads, samples) to (batch, 1, max(32, leads), samples), leads centred between zero rows.</summary>
    internal Tensor ToImage(Tensor input) => nn.functional.pad(input.unsqueeze(1), [0, 0, topRows, bottomRows]);

    /// <inheritdoc />
    public override Tensor Head(Tensor activations) => head.call(tail.call(activations));

    /// <summary>
    /// The named children of a torchvision model, to be re-parented into this network; the ones not reused (the
    /// three-channel first conv, the ImageNet classifier) are disposed.
    /// </summary>
    private static Dictionary<string, nn.Module<Tensor, Tensor>> TorchVisionChildren(nn.Module model, IReadOnlyCollection<string> discard)
    {
        var children = new Dictionary<string, nn.Module<Tensor, Tensor>>();
        foreach (var (name, child) in model.named_children())
        {
            if (discard.Contains(name)) child.Dispose();
            else children[name] = (nn.Module<Tensor, Tensor>)child;
        }
        return children;
    }

    private static IEnumerable<Layer> Indexed(IEnumerable<nn.Module<Tensor, Tensor>> layers) =>
        layers.Select((layer, index) => (index.ToString(), layer));
}
