using Erts.MLNet.Networks;
using Erts.MLNet.Training;
using TorchSharp;

namespace Erts.MLNet.Tests.Training;

public class BestCheckpointTests
{
    [Fact]
    public void Restore_BringsBackCapturedParametersAndBuffers()
    {
        torch.manual_seed(3);
        var network = new SmallCnn1d(1, 2, width: 4);
        using var checkpoint = new BestCheckpoint();
        checkpoint.Capture(network, epoch: 4);
        var expected = network.state_dict().ToDictionary(entry => entry.Key, entry => entry.Value.clone());

        using (torch.no_grad())
            foreach (var tensor in network.state_dict().Values.Where(t => t.is_floating_point()))
                tensor.add_(1);
        checkpoint.Restore(network);

        Assert.Equal(4, checkpoint.Epoch);
        foreach (var (name, tensor) in network.state_dict())
            Assert.True(tensor.equal(expected[name]).all().item<bool>(), $"{name} not restored");
    }
}
