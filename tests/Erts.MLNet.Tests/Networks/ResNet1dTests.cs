using Erts.MLNet.Networks;
using static TorchSharp.torch;

namespace Erts.MLNet.Tests.Networks;

public class ResNet1dTests
{
    private const int Leads = 12, Classes = 5, Samples = 256;

    [Fact]
    public void Constructor_MatchesPyTorchPeerParameterCount_For12Leads5Classes()
    {
        // From the peer ../shared/peers/resnet1d_torch.py under Debian's PyTorch 1.13:
        //   sum(p.numel() for p in Net(leads=12, classes=5).parameters()) == 1560837
        using var network = new ResNet1d(Leads, Classes);
        Assert.Equal(1_560_837, NetworkContract.ParameterCount(network));
    }

    [Fact]
    public void StateDict_UsesPeerKeys()
    {
        // 74 entries in the peer's state_dict(): weights, biases and BatchNorm buffers incl. num_batches_tracked.
        using var network = new ResNet1d(Leads, Classes);
        var keys = network.state_dict().Keys.ToList();
        Assert.Equal(74, keys.Count);
        Assert.Contains("stem.0.weight", keys);
        Assert.Contains("body.0.c1.weight", keys);
        Assert.Contains("body.1.sc.1.running_var", keys);
        Assert.Contains("body.3.b2.num_batches_tracked", keys);
        Assert.Contains("head.bias", keys);
        Assert.DoesNotContain("body.0.sc.0.weight", keys); // identity shortcut in the first block
    }

    [Fact]
    public void Trunk_EndsWith256ChannelsAtOneThirtySecondOfLength()
    {
        manual_seed(1);
        using var scope = NewDisposeScope();
        NetworkContract.AssertShapes(new ResNet1d(Leads, Classes), batch: 2, Leads, Samples, Classes, channels: 256, time: Samples / 32);
    }

    [Fact]
    public void Trunk_Has32TimePositions_For1000Samples()
    {
        manual_seed(2);
        using var scope = NewDisposeScope();
        NetworkContract.AssertShapes(new ResNet1d(Leads, Classes), batch: 1, Leads, 1000, Classes, channels: 256, time: 32);
    }

    [Fact]
    public void Forward_BackPropagatesToEveryParameter()
    {
        manual_seed(3);
        using var scope = NewDisposeScope();
        NetworkContract.AssertForwardBackward(new ResNet1d(Leads, Classes), batch: 3, Leads, Samples, Classes);
    }

    [Fact]
    public void Save_ThenLoad_RestoresIdenticalOutputs()
    {
        manual_seed(4);
        using var scope = NewDisposeScope();
        NetworkContract.AssertSaveLoadRoundTrip(() => new ResNet1d(Leads, Classes), batch: 2, Leads, Samples);
    }

    [Fact]
    public void Constructor_Throws_ForOneClass() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ResNet1d(Leads, classes: 1));
}
