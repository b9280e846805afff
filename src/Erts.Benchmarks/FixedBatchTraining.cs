using System.Diagnostics;
using Erts.MLNet.Networks;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Erts.Benchmarks;

/// <summary>
/// The peer benchmark's setting in TorchSharp: a network (default <see cref="ResNet1d"/>) on 12 leads x 1000
/// samples, 5 classes, trained with AdamW (lr 1e-3, PyTorch's default weight decay 0.01) and cross-entropy on one
/// fixed random batch.
/// </summary>
internal sealed class FixedBatchTraining : IDisposable
{
    public const int Leads = 12, Samples = 1000, Classes = 5;

    private readonly AdamW optimizer;

    public FixedBatchTraining(int batch, Backbone backbone = Backbone.ResNet1d, int seed = 0)
    {
        manual_seed(seed);
        Network = NetworkFactory.Create(backbone, Leads, Samples, Classes);
        // TorchSharp's AdamW defaults to no weight decay; PyTorch's (the peer's) to 0.01.
        optimizer = optim.AdamW(Network.parameters(), lr: 1e-3, weight_decay: 0.01);
        Input = randn(batch, Leads, Samples);
        Targets = randint(0, Classes, [batch], dtype: ScalarType.Int64);
    }

    public EcgNetwork Network { get; }

    public Tensor Input { get; }

    public Tensor Targets { get; }

    /// <summary>Forward + backward + AdamW step on the whole fixed batch, in train mode.</summary>
    public void TrainStep()
    {
        using var scope = NewDisposeScope();
        // Dropping the gradients (rather than zero-filling them) lets backward write them fresh.
        Network.zero_grad(set_to_none: true);
        nn.functional.cross_entropy(Network.call(Input), Targets).backward();
        optimizer.step();
    }

    /// <summary>Mean seconds per call after <paramref name="warmup"/> untimed calls.</summary>
    public static double SecondsPerCall(Action action, int warmup, int repeats)
    {
        for (int i = 0; i < warmup; i++) action();
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < repeats; i++) action();
        return clock.Elapsed.TotalSeconds / repeats;
    }

    public void Dispose()
    {
        optimizer.Dispose();
        Network.Dispose();
        Input.Dispose();
        Targets.Dispose();
    }
}
