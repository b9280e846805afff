using Erts.MLNet.Explainability;
using Erts.MLNet.Networks;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Erts.MLNet.Tests.Explainability;

public class GradCamTests
{
    private const int Leads = 12, Classes = 5;

    public static TheoryData<Backbone, int> GapLinearBackbones => new()
    {
        { Backbone.SmallCnn1d, 256 },
        { Backbone.ResNet1d, 256 },
        { Backbone.InceptionTime1d, 96 },
    };

    [Theory]
    [MemberData(nameof(GapLinearBackbones))]
    public void TimeProfiles_FastPathEqualsGeneralPath_ForGapLinearBackbone(Backbone backbone, int samples)
    {
        manual_seed(11);
        using var scope = NewDisposeScope();
        var network = NetworkFactory.Create(backbone, Leads, samples, Classes);
        Assert.NotNull(network.GlobalAveragePoolingLinearHead);
        AssertFastPathEqualsGeneralPath(network, randn(4, Leads, samples));
    }

    [Fact]
    public void TimeProfiles_FastPathEqualsGeneralPath_ForTwoDimensionalMaps()
    {
        // The CAM scaling is 1/(H' x T') when the head pools both axes; the height average comes after the ReLU.
        manual_seed(12);
        using var scope = NewDisposeScope();
        AssertFastPathEqualsGeneralPath(new TinyCnn2d(Classes), randn(3, Leads, 64));
    }

    [Fact]
    public void TimeProfiles_ReturnsBatchByTime_WithoutTouchingParametersOrArguments()
    {
        manual_seed(13);
        using var scope = NewDisposeScope();
        var network = new SmallCnn1d(Leads, Classes);
        network.eval();
        var activations = network.Trunk(randn(4, Leads, 200)); // with gradient history, as in a training pass
        var copy = activations.detach().clone();
        var targets = tensor(new long[] { 0, 1, 2, 3 });

        var general = GradCam.TimeProfiles(new GeneralPathOnly(network), activations, targets);
        var fast = GradCam.TimeProfiles(network, activations, targets);

        Assert.Equal(new long[] { 4, activations.shape[2] }, general.shape);
        Assert.Equal(general.shape, fast.shape);
        Assert.False(general.requires_grad);
        Assert.False(fast.requires_grad);
        Assert.True(general.min().item<float>() >= 0f, "profiles are ReLU'd");
        Assert.All(network.parameters(), p => Assert.Null(p.grad));
        Assert.True(activations.detach().allclose(copy, rtol: 0, atol: 0));
        Assert.Null(activations.grad);
    }

    [Fact]
    public void TimeProfiles_ChoosesEachSamplesOwnTarget()
    {
        manual_seed(14);
        using var scope = NewDisposeScope();
        var network = new SmallCnn1d(Leads, Classes);
        network.eval();
        var activations = network.Trunk(randn(2, Leads, 128)).detach();

        var mixed = GradCam.TimeProfiles(network, activations, tensor(new long[] { 1, 3 }));
        var first = GradCam.TimeProfiles(network, activations[0..1], tensor(new long[] { 1 }));
        var second = GradCam.TimeProfiles(network, activations[1..2], tensor(new long[] { 3 }));

        Assert.True(mixed.allclose(cat([first, second]), rtol: 0, atol: 1e-6));
    }

    [Fact]
    public void TimeProfiles_Throws_ForInt32Targets()
    {
        using var scope = NewDisposeScope();
        var network = new SmallCnn1d(Leads, Classes);
        var activations = zeros(2, 64, 16);
        Assert.Throws<ArgumentException>(() => GradCam.TimeProfiles(network, activations, tensor(new[] { 0, 1 })));
    }

    [Fact]
    public void Explain_ReturnsInputLengthProfileAndPrediction_AndRestoresTrainingMode()
    {
        manual_seed(15);
        const int samples = 300;
        var network = new SmallCnn1d(Leads, Classes);
        network.train();
        var random = new Random(15);
        var signal = Enumerable.Range(0, Leads * samples).Select(_ => (float)random.NextDouble()).ToArray();

        var explanation = GradCam.Explain(network, signal, Leads, targetClass: null);
        var other = GradCam.Explain(network, signal, Leads, targetClass: (explanation.PredictedClass + 1) % Classes);

        Assert.True(network.training);
        Assert.Equal(samples, explanation.Profile.Count);
        Assert.Equal(Classes, explanation.Probabilities.Count);
        Assert.Equal(1f, explanation.Probabilities.Sum(), 4);
        Assert.Equal(explanation.Probabilities.ToList().IndexOf(explanation.Probabilities.Max()), explanation.PredictedClass);
        Assert.Equal(explanation.PredictedClass, explanation.TargetClass);
        Assert.Equal((explanation.PredictedClass + 1) % Classes, other.TargetClass);
        Assert.InRange(explanation.Focus, 0f, 1f);
        Assert.All(explanation.Profile, v => Assert.True(v >= 0f));
    }

    [Fact]
    public void Explain_Throws_ForSignalNotMultipleOfLeads()
    {
        var network = new SmallCnn1d(Leads, Classes);
        Assert.Throws<ArgumentException>(() => GradCam.Explain(network, new float[Leads * 10 + 1], Leads));
    }

    [Fact]
    public void Stretch_InterpolatesWithHalfPixelCentres_LikeAnImageUpsample()
    {
        using var scope = NewDisposeScope();
        var stretched = GradCam.Stretch(tensor(new[] { 0f, 1f }, [1, 2]), 4);

        Assert.Equal(new[] { 0f, 0.25f, 0.75f, 1f }, stretched.data<float>().ToArray());
    }

    [Fact]
    public void Stretch_GivesTheFocusScoreRoomToTellPeakedFromBroadEvidence_WhenTheLayerIsCoarse()
    {
        // Eight positions: ResNet1d's explained layer on a 252-sample heartbeat. The top tenth is one position, the
        // maximum, so both profiles score 1 there; on the input's 252 samples the top tenth spans 25 of them.
        using var scope = NewDisposeScope();
        var profiles = tensor(new[]
        {
            0f, 0f, 0f, 1f, 0f, 0f, 0f, 0f,         // one isolated position
            0f, 0.8f, 0.9f, 1f, 0.9f, 0.8f, 0f, 0f, // evidence spread over the middle of the beat
        }, [2, 8]);

        var atLayer = FocusScore.Compute(profiles).data<float>().ToArray();
        var atInput = FocusScore.Compute(GradCam.Stretch(profiles, 252)).data<float>().ToArray();

        Assert.Equal(new[] { 1f, 1f }, atLayer);
        Assert.InRange(atInput[0], 0.5f, 0.9f);
        Assert.InRange(atInput[1], 0.95f, 1f);
    }

    [Fact]
    public void Explain_MeasuresFocusOnTheStretchedProfile_WhenAskedForInputResolution()
    {
        manual_seed(14);
        var network = new ResNet1d(Leads, Classes);
        var signal = randn(Leads * 252).data<float>().ToArray();

        var atLayer = GradCam.Explain(network, signal, Leads, targetClass: 0);
        var atInput = GradCam.Explain(network, signal, Leads, targetClass: 0, FocusResolution.Input);

        Assert.Equal(atLayer.Profile, atInput.Profile);
        Assert.Equal(FocusScore.Compute(atInput.Profile.ToArray()), atInput.Focus, 5);
        Assert.Equal(1f, atLayer.Focus); // T' = 8: the top tenth is the normalised maximum
    }

    internal static void AssertFastPathEqualsGeneralPath(EcgNetwork network, Tensor input)
    {
        network.eval();
        var activations = network.Trunk(input);
        var targets = randint(0, Classes, [input.shape[0]], dtype: ScalarType.Int64);

        var fast = GradCam.TimeProfiles(network, activations, targets);
        var general = GradCam.TimeProfiles(new GeneralPathOnly(network), activations, targets);

        Assert.Equal(new[] { input.shape[0], activations.shape[^1] }, fast.shape);
        Assert.True(general.abs().max().item<float>() > 0f, "a random network has some positive evidence");
        float difference = (fast - general).abs().max().item<float>();
        Assert.True(difference <= 1e-5f, $"fast and general paths differ by {difference}");
        Assert.True(GradCam.GradientTimeProfiles(network, activations, targets).allclose(general, rtol: 0, atol: 1e-7));
    }

    /// <summary>A 2-D GAP + linear network: the ECG as a 1 x leads x samples image.</summary>
    private sealed class TinyCnn2d : EcgNetwork
    {
        private readonly Conv2d conv;
        private readonly Linear classifier;

        public TinyCnn2d(int classes) : base(nameof(TinyCnn2d))
        {
            conv = nn.Conv2d(1, 6, kernel_size: 3, stride: 2, padding: 1);
            classifier = nn.Linear(6, classes);
            RegisterComponents();
        }

        public override Tensor Trunk(Tensor input) => conv.call(input.unsqueeze(1));

        public override Tensor Head(Tensor activations) => classifier.call(activations.mean([-2, -1]));

        public override nn.Module<Tensor, Tensor> GlobalAveragePoolingLinearHead => classifier;
    }
}
