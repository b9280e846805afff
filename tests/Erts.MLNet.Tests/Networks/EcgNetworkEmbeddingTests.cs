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
}
