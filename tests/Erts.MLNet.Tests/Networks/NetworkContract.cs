using Erts.MLNet.Networks;
using TorchSharp;
using static TorchSharp.torch;

namespace Erts.MLNet.Tests.Networks;

/// <summary>What every <see cref="EcgNetwork"/> must do, checked on a tiny batch (shared by the per-network tests).</summary>
internal static class NetworkContract
{
    /// <summary>Logits are (batch, classes) and the trunk ends in (batch, channels[, height], time).</summary>
    public static Tensor AssertShapes(EcgNetwork network, int batch, int leads, int samples, int classes,
        long channels, long time, long? height = null)
    {
        network.eval();
        using var noGrad = no_grad();
        var input = randn(batch, leads, samples);
        var activations = network.Trunk(input);
        long[] expected = height is null ? [batch, channels, time] : [batch, channels, height.Value, time];
        Assert.Equal(expected, activations.shape);
        Assert.Equal(new long[] { batch, classes }, network.call(input).shape);
        return activations;
    }

    /// <summary>A training step's forward and backward give every parameter a finite gradient.</summary>
    public static void AssertForwardBackward(EcgNetwork network, int batch, int leads, int samples, int classes)
    {
        network.train();
        var input = randn(batch, leads, samples);
        var targets = randint(0, classes, [batch], dtype: ScalarType.Int64);
        nn.functional.cross_entropy(network.call(input), targets).backward();
        foreach (var (name, parameter) in network.named_parameters())
        {
            Assert.True(parameter.grad is not null, $"{name} has no gradient");
            Assert.True(isfinite(parameter.grad!).all().item<bool>(), $"{name} has a non-finite gradient");
        }
        network.zero_grad();
    }

    /// <summary>Saving the state dict and loading it into a fresh network reproduces the outputs exactly.</summary>
    public static void AssertSaveLoadRoundTrip(Func<EcgNetwork> create, int batch, int leads, int samples)
    {
        var trained = create();
        trained.train();
        using (no_grad()) trained.call(randn(4, leads, samples)); // moves BatchNorm running statistics off their defaults
        trained.eval();
        var input = randn(batch, leads, samples);

        var saved = new MemoryStream();
        trained.save(saved); // closes the stream; ToArray still works
        var restored = create();
        restored.load(new MemoryStream(saved.ToArray()));
        restored.eval();

        using var noGrad = no_grad();
        float difference = (trained.call(input) - restored.call(input)).abs().max().item<float>();
        Assert.True(difference == 0f, $"outputs differ by {difference} after load");
    }

    /// <summary>Total number of trainable parameters.</summary>
    public static long ParameterCount(nn.Module module) => module.parameters().Sum(p => p.numel());
}
