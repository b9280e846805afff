using Erts.MLNet.Networks;
using static TorchSharp.torch;

namespace Erts.MLNet.Tests.Networks;

public class InceptionTime1dTests
{
    private const int Leads = 12, Classes = 5, Samples = 96;

    [Fact]
    public void Trunk_Ends128ChannelsAtFullLength()
    {
        manual_seed(1);
        using var scope = NewDisposeScope();
        NetworkContract.AssertShapes(new InceptionTime1d(Leads, Classes), batch: 2, Leads, Samples, Classes, channels: 128, time: Samples);
    }

    [Fact]
    public void Trunk_WorksOnSingleLead()
    {
        manual_seed(2);
        using var scope = NewDisposeScope();
        NetworkContract.AssertShapes(new InceptionTime1d(1, Classes), batch: 2, 1, Samples, Classes, channels: 128, time: Samples);
    }

    [Fact]
    public void StateDict_HasSixInceptionModulesInTwoResidualBlocks()
    {
        using var network = new InceptionTime1d(Leads, Classes);
        var keys = network.state_dict().Keys.ToList();
        Assert.Contains("body.0.layers.0.bottleneck.weight", keys);
        Assert.Contains("body.1.layers.2.convs.2.weight", keys);
        Assert.Contains("body.1.shortcut.1.running_mean", keys);
        Assert.DoesNotContain(keys, k => k.StartsWith("body.2.", StringComparison.Ordinal));
        Assert.Equal(InceptionTime1dParameterCount, NetworkContract.ParameterCount(network));
    }

    [Fact]
    public void Forward_BackPropagatesToEveryParameter()
    {
        manual_seed(3);
        using var scope = NewDisposeScope();
        NetworkContract.AssertForwardBackward(new InceptionTime1d(Leads, Classes), batch: 3, Leads, Samples, Classes);
    }

    [Fact]
    public void Save_ThenLoad_RestoresIdenticalOutputs()
    {
        manual_seed(4);
        using var scope = NewDisposeScope();
        NetworkContract.AssertSaveLoadRoundTrip(() => new InceptionTime1d(Leads, Classes), batch: 2, Leads, Samples);
    }

    // Counted by hand from the architecture (12 leads, 5 classes; BatchNorm has 2 parameters per channel):
    //   module on 12 channels:  12*32 (bottleneck) + 32*32*(39+19+9) (convs) + 12*32 (pool branch) + 2*128 (BN) =  69,632
    //   module on 128 channels: 128*32 + 68,608 + 128*32 + 256                                               =  77,056
    //   shortcuts: 12*128 + 256 = 1,792 and 128*128 + 256 = 16,640;   head: 128*5 + 5 = 645
    private const long InceptionTime1dParameterCount = 69_632 + 5 * 77_056 + 1_792 + 16_640 + 645; // 473,989
}
