using TorchSharp;
using static TorchSharp.torch;

namespace Erts.MLNet.Tests.Runtime;

/// <summary>Proves the native TorchSharp stack loads and trains in the test process.</summary>
public class TorchSharpRuntimeTests
{
    [Fact]
    public void Conv1d_ForwardAndBackward_ProduceFiniteGradients()
    {
        torch.manual_seed(1);
        using var scope = torch.NewDisposeScope();
        using var conv = nn.Conv1d(12, 8, kernel_size: 7, padding: 3);
        var x = torch.randn(4, 12, 250);
        var y = conv.call(x);
        Assert.Equal(new long[] { 4, 8, 250 }, y.shape);

        y.pow(2).mean().backward();
        var grad = conv.weight!.grad!;
        Assert.Equal(conv.weight.shape, grad.shape);
        Assert.True(grad.abs().sum().item<float>() > 0f);
        Assert.True(torch.isfinite(grad).all().item<bool>());
    }

    [Fact]
    public void Adam_Steps_ReduceLossOnFixedBatch()
    {
        torch.manual_seed(2);
        using var scope = torch.NewDisposeScope();
        var net = nn.Sequential(nn.Conv1d(1, 4, 5, padding: 2), nn.ReLU(), nn.AdaptiveAvgPool1d(1), nn.Flatten(), nn.Linear(4, 2));
        var optimizer = torch.optim.Adam(net.parameters(), lr: 0.05);
        var x = torch.randn(16, 1, 64);
        var target = (x.mean([1, 2]) > 0).to(ScalarType.Int64);
        float first = 0, last = 0;
        for (int step = 0; step < 30; step++)
        {
            optimizer.zero_grad();
            var loss = nn.functional.cross_entropy(net.call(x), target);
            loss.backward();
            optimizer.step();
            if (step == 0) first = loss.item<float>();
            last = loss.item<float>();
        }
        Assert.True(last < first * 0.8f, $"loss {first} -> {last}");
    }
}
