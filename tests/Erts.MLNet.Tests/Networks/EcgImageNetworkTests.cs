using Erts.MLNet.Explainability;
using Erts.MLNet.Networks;
using static TorchSharp.torch;

namespace Erts.MLNet.Tests.Networks;

public class EcgImageNetworkTests
{
    private const int Leads = 12, Classes = 4, Samples = 64, Batch = 2;

    public static TheoryData<Backbone> Backbones => [Backbone.ResNet18_2d, Backbone.MobileNetV2_2d, Backbone.EfficientNetV2S_2d];

    /// <summary>Backbone, explained layer channels, its height H' and time T' for a 32 x 64 image.</summary>
    public static TheoryData<Backbone, long, long, long> ExplainedLayers => new()
    {
        { Backbone.ResNet18_2d, 256, 2, Samples / 16 },
        { Backbone.MobileNetV2_2d, 320, 1, Samples / 32 },
        { Backbone.EfficientNetV2S_2d, 256, 1, Samples / 32 },
    };

    [Theory]
    [InlineData(Backbone.ResNet18_2d, 11_236_549)]
    [InlineData(Backbone.MobileNetV2_2d, 2_387_909)]
    [InlineData(Backbone.EfficientNetV2S_2d, 20_341_669)]
    public void Create_MatchesTorchVisionParameterCount_For12Leads5Classes(Backbone backbone, long expected)
    {
        // From Debian's PyTorch 1.13 + torchvision 0.14: the model with its first conv replaced by a bias-free
        // 1-input-channel conv and its classifier by Linear(F,128)-ReLU-Dropout(0.3)-Linear(128,5), e.g.
        //   r = resnet18(); r.conv1 = Conv2d(1,64,7,2,3,bias=False); r.fc = head(512); sum(p.numel() ...)
        using var scope = NewDisposeScope();
        Assert.Equal(expected, NetworkContract.ParameterCount(NetworkFactory.Create(backbone, 12, 1000, 5)));
    }

    [Theory]
    [MemberData(nameof(ExplainedLayers))]
    public void Trunk_EndsAtTheGradCamTargetLayer(Backbone backbone, long channels, long height, long time)
    {
        manual_seed(1);
        using var scope = NewDisposeScope();
        var network = NetworkFactory.Create(backbone, Leads, Samples, Classes);
        Assert.IsType<EcgImageNetwork>(network);
        Assert.Null(network.GlobalAveragePoolingLinearHead);
        NetworkContract.AssertShapes(network, Batch, Leads, Samples, Classes, channels, time, height);
    }

    [Theory]
    [MemberData(nameof(Backbones))]
    public void Forward_BackPropagatesToEveryParameter(Backbone backbone)
    {
        manual_seed(2);
        using var scope = NewDisposeScope();
        NetworkContract.AssertForwardBackward(NetworkFactory.Create(backbone, Leads, Samples, Classes), Batch, Leads, Samples, Classes);
    }

    [Theory]
    [MemberData(nameof(Backbones))]
    public void TimeProfiles_HaveOneValuePerExplainedTimeStep(Backbone backbone)
    {
        manual_seed(3);
        using var scope = NewDisposeScope();
        var network = NetworkFactory.Create(backbone, Leads, Samples, Classes);
        network.eval();
        var activations = network.Trunk(randn(Batch, Leads, Samples));

        var profiles = GradCam.TimeProfiles(network, activations, tensor(new long[] { 0, 3 }));

        Assert.Equal(new[] { Batch, activations.shape[^1] }, profiles.shape);
        Assert.True(isfinite(profiles).all().item<bool>());
    }

    [Theory]
    [MemberData(nameof(Backbones))]
    public void Save_ThenLoad_RestoresIdenticalOutputs(Backbone backbone)
    {
        manual_seed(4);
        using var scope = NewDisposeScope();
        NetworkContract.AssertSaveLoadRoundTrip(() => NetworkFactory.Create(backbone, Leads, Samples, Classes), Batch, Leads, Samples);
    }

    [Theory]
    [InlineData(12, 10, 32)]
    [InlineData(1, 15, 32)]
    [InlineData(3, 14, 32)]
    [InlineData(40, 0, 40)]
    public void ToImage_CentresLeadsBetweenZeroRows(int leads, int top, int rows)
    {
        manual_seed(5);
        using var scope = NewDisposeScope();
        var network = EcgImageNetwork.ResNet18(leads, Classes);
        var input = rand(Batch, leads, 8) + 1;

        var image = network.ToImage(input);

        Assert.Equal(new long[] { Batch, 1, rows, 8 }, image.shape);
        Assert.True(image[.., 0, top..(top + leads)].equal(input).all().item<bool>());
        Assert.Equal(0f, image.abs().sum().item<float>() - input.abs().sum().item<float>(), 2);
    }

    [Fact]
    public void StateDict_UsesTorchVisionNamesAndOneChannelStem()
    {
        using var scope = NewDisposeScope();
        var network = EcgImageNetwork.ResNet18(Leads, Classes);
        Assert.Equal(512L * 128 + 128 + 128 * Classes + Classes, network.named_parameters()
            .Where(p => p.name.StartsWith("head.", StringComparison.Ordinal)).Sum(p => p.parameter.numel()));
        Assert.Contains("trunk.layer3.1.conv2.weight", network.state_dict().Keys);
        Assert.Contains("tail.layer4.0.downsample.0.weight", network.state_dict().Keys);
        Assert.Equal(new long[] { 64, 1, 7, 7 }, network.state_dict()["trunk.conv1.weight"].shape);
    }

    [Fact]
    public void Forward_Works_AfterTorchVisionParentsAreCollected()
    {
        // The networks re-parent children of torchvision models; finalising the discarded parents must not free them.
        manual_seed(6);
        using var scope = NewDisposeScope();
        var resnet = EcgImageNetwork.ResNet18(Leads, Classes);
        var mobilenet = EcgImageNetwork.MobileNetV2(Leads, Classes);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        using var noGrad = no_grad();
        var input = randn(Batch, Leads, Samples);
        resnet.eval();
        mobilenet.eval();
        Assert.Equal(new long[] { Batch, Classes }, resnet.call(input).shape);
        Assert.Equal(new long[] { Batch, Classes }, mobilenet.call(input).shape);
    }
}
