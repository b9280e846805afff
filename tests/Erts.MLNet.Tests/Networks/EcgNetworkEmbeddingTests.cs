using Erts.MLNet.Networks;
using TorchSharp;

namespace Erts.MLNet.Tests.Networks;

public class EcgNetworkEmbeddingTests
{
    [Fact]
    public void Embedding_IsTheTimeAverageOfTheTrunk_OneVectorPerEcg()
    {
        torch.manual_seed(1);
        using var network = NetworkFactory.Create(Backbone.SmallCnn1d, leads: 2, samples: 256, classes: 3);
        network.eval();
        using var scope = torch.NewDisposeScope();
        using var _ = torch.no_grad();
        var input = torch.randn(4, 2, 256);

        var embedding = network.Embedding(input);
        var trunk = network.Trunk(input);

        Assert.Equal([4, trunk.shape[1]], embedding.shape);
        Assert.True(embedding.allclose(trunk.mean([2]), rtol: 1e-5, atol: 1e-6));
    }

    [Fact]
    public void EmbeddingOf_AveragesEverySpatialAxis_For2dActivations()
    {
        torch.manual_seed(1);
        using var network = NetworkFactory.Create(Backbone.SmallCnn1d, leads: 1, samples: 64, classes: 2);
        using var scope = torch.NewDisposeScope();
        // (batch, channels, height, time), as the 2-D backbones' trunks give them.
        var activations = torch.randn(3, 5, 4, 7);

        var embedding = network.EmbeddingOf(activations);

        Assert.Equal([3, 5], embedding.shape);
        Assert.True(embedding.allclose(activations.mean([2, 3]), rtol: 1e-5, atol: 1e-6));
    }
}
