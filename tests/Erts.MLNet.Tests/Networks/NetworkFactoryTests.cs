using Erts.MLNet.Networks;

namespace Erts.MLNet.Tests.Networks;

public class NetworkFactoryTests
{
    [Theory]
    [InlineData(Backbone.SmallCnn1d, typeof(SmallCnn1d))]
    [InlineData(Backbone.ResNet1d, typeof(ResNet1d))]
    [InlineData(Backbone.InceptionTime1d, typeof(InceptionTime1d))]
    [InlineData(Backbone.ResNet18_2d, typeof(EcgImageNetwork))]
    [InlineData(Backbone.MobileNetV2_2d, typeof(EcgImageNetwork))]
    [InlineData(Backbone.EfficientNetV2S_2d, typeof(EcgImageNetwork))]
    public void Create_ReturnsTheBackbonesNetwork(Backbone backbone, Type expected)
    {
        using var network = NetworkFactory.Create(backbone, leads: 12, samples: 128, classes: 5);
        Assert.IsType(expected, network);
    }

    [Theory]
    [InlineData(0, 128, 5)]
    [InlineData(12, 0, 5)]
    [InlineData(12, 128, 1)]
    public void Create_Throws_ForSizeOutOfRange(int leads, int samples, int classes) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => NetworkFactory.Create(Backbone.ResNet1d, leads, samples, classes));

    [Fact]
    public void Create_Throws_ForUnknownBackbone() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => NetworkFactory.Create((Backbone)99, 12, 128, 5));
}
