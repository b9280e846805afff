namespace Erts.MLNet.Networks;

/// <summary>The networks the ERTS trainer can build (see docs/backbones.md of the design).</summary>
public enum Backbone
{
    /// <summary>A small plain 1-D CNN for tests and quick runs.</summary>
    SmallCnn1d,

    /// <summary>The reference 1-D ResNet: stem + four basic blocks (64-128-192-256) + GAP + linear.</summary>
    ResNet1d,

    /// <summary>InceptionTime-style 1-D network (Fawaz et al. 2020): depth 6, bottleneck 32, kernels 39/19/9.</summary>
    InceptionTime1d,

    /// <summary>torchvision ResNet-18 over the ECG as a 1 x 32 x L image, with the paper's head.</summary>
    ResNet18_2d,

    /// <summary>torchvision MobileNetV2 over the ECG as a 1 x 32 x L image, with the paper's head.</summary>
    MobileNetV2_2d,

    /// <summary>torchvision EfficientNetV2-S over the ECG as a 1 x 32 x L image, with the paper's head.</summary>
    EfficientNetV2S_2d,
}
