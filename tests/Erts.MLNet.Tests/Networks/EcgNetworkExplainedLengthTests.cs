using Erts.MLNet.Networks;
using static TorchSharp.torch;

namespace Erts.MLNet.Tests.Networks;

public class EcgNetworkExplainedLengthTests
{
    [Theory]
    [InlineData(252, 8)]    // an MIT-BIH beat: too coarse for the focus score's top tenth
    [InlineData(1000, 32)]  // a PTB-XL record at 100 Hz
    public void ExplainedLength_IsTheTrunksTimeAxis_ForResNet1d(int samples, int expected)
    {
        manual_seed(3);
        using var network = new ResNet1d(leads: 1, classes: 4);

        Assert.Equal(expected, network.ExplainedLength(leads: 1, samples));
    }

    [Fact]
    public void ExplainedLength_LeavesTheModeAndBatchNormStatisticsAlone()
    {
        manual_seed(4);
        using var network = new ResNet1d(leads: 2, classes: 3);
        network.train();
        var before = network.state_dict().ToDictionary(entry => entry.Key, entry => entry.Value.clone());

        network.ExplainedLength(leads: 2, samples: 300);

        Assert.True(network.training);
        Assert.All(network.state_dict(), entry => Assert.True(entry.Value.eq(before[entry.Key]).all().item<bool>(), entry.Key));
    }
}
