namespace Erts.MLNet.Networks;

/// <summary>Builds an untrained <see cref="EcgNetwork"/> for a backbone and input shape.</summary>
public static class NetworkFactory
{
    /// <summary>Creates the network.</summary>
    /// <param name="backbone">Which architecture.</param>
    /// <param name="leads">Input leads, at least 1.</param>
    /// <param name="samples">Samples per lead, at least 1 (some backbones need a minimum length).</param>
    /// <param name="classes">Output classes, at least 2.</param>
    /// <param name="auxiliaryFeatures">Auxiliary values per row fused before the head (<see cref="EcgNetwork.AddAuxiliaryBranch"/>), 0 for none.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size is out of range for the backbone.</exception>
    public static EcgNetwork Create(Backbone backbone, int leads, int samples, int classes, int auxiliaryFeatures)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(auxiliaryFeatures);
        var network = Create(backbone, leads, samples, classes);
        if (auxiliaryFeatures > 0) network.AddAuxiliaryBranch(auxiliaryFeatures, classes);
        return network;
    }

    /// <summary>Creates the network without auxiliary features.</summary>
    /// <param name="backbone">Which architecture.</param>
    /// <param name="leads">Input leads, at least 1.</param>
    /// <param name="samples">Samples per lead, at least 1 (some backbones need a minimum length).</param>
    /// <param name="classes">Output classes, at least 2.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size is out of range for the backbone.</exception>
    public static EcgNetwork Create(Backbone backbone, int leads, int samples, int classes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(leads, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 2);
        return backbone switch
        {
            Backbone.SmallCnn1d => new SmallCnn1d(leads, classes),
            Backbone.ResNet1d => new ResNet1d(leads, classes),
            Backbone.InceptionTime1d => new InceptionTime1d(leads, classes),
            Backbone.ResNet18_2d => EcgImageNetwork.ResNet18(leads, classes),
            Backbone.MobileNetV2_2d => EcgImageNetwork.MobileNetV2(leads, classes),
            Backbone.EfficientNetV2S_2d => EcgImageNetwork.EfficientNetV2S(leads, classes),
            _ => throw new ArgumentOutOfRangeException(nameof(backbone), backbone, "Not a known backbone."),
        };
    }
}
