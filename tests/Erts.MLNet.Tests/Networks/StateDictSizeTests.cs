using Erts.MLNet.Networks;

namespace Erts.MLNet.Tests.Networks;

public class StateDictSizeTests
{
    [Theory]
    [InlineData(Backbone.SmallCnn1d, 12, 250, 5, 0)]
    [InlineData(Backbone.SmallCnn1d, 3, 100, 2, 7)]
    [InlineData(Backbone.ResNet1d, 12, 250, 5, 3)]
    [InlineData(Backbone.InceptionTime1d, 7, 128, 4, 0)]
    [InlineData(Backbone.InceptionTime1d, 1, 128, 3, 0)]
    [InlineData(Backbone.ResNet1d, 1, 100, 2, 0)]
    [InlineData(Backbone.ResNet18_2d, 12, 64, 5, 2)]
    [InlineData(Backbone.MobileNetV2_2d, 3, 64, 9, 0)]
    [InlineData(Backbone.EfficientNetV2S_2d, 2, 64, 3, 0)]
    public void Of_EqualsTheStateDictOfTheBuiltNetwork(Backbone backbone, int leads, int window, int classes, int auxiliary)
    {
        using var network = NetworkFactory.Create(backbone, leads, window, classes, auxiliary);
        var state = network.state_dict();

        var (bytes, tensors) = StateDictSize.Of(backbone, leads, window, classes, auxiliary);

        Assert.Equal(state.Values.Sum(tensor => tensor.numel() * tensor.ElementSize), bytes);
        Assert.Equal(state.Count, tensors);
    }
}
