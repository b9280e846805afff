using Erts.MLNet.Explainability;
using Erts.MLNet.Networks;
using TorchSharp;
using static TorchSharp.torch;

namespace Erts.Benchmarks;

/// <summary>
/// What the focus score costs per batch, relative to one training step of the network (12 x 1000, 5 classes):
/// the CAM fast path from activations a confidence pass already computed (ERTS.MLNet's way), the general autograd
/// path from the same activations, and the reference code's way (a fresh forward with gradients and a full
/// backward through the network).
/// </summary>
/// <remarks>
/// Every row of the batch is treated as a candidate (the worst case). Options: <c>--backbone NAME</c> (ResNet1d; any
/// <see cref="Backbone"/>), <c>--batch N</c> (32, the method's default), <c>--steps N</c> (20 timed calls of each
/// measure, after 2 warm-up calls).
/// </remarks>
public sealed class FocusPassCostBenchmark : IBenchmark
{
    private const int WarmupCalls = 2;

    /// <inheritdoc />
    public string Name => "focus-pass-cost";

    /// <inheritdoc />
    public string Description => "focus per batch (CAM fast path, general path, reference way) vs a training step";

    /// <inheritdoc />
    public BenchmarkResult Run(BenchmarkContext context)
    {
        var options = new BenchmarkOptions(context.Arguments);
        int batch = options.Int("--batch", 32), steps = options.Int("--steps", 20);
        var backbone = options.Choice("--backbone", Backbone.ResNet1d);

        var seconds = MedianSeconds(backbone, batch, steps);
        double trainStep = seconds["train_step"];
        var figures = new Dictionary<string, double>();
        Console.WriteLine($"{backbone} threads={context.Threads} batch={batch}, median of {steps} interleaved calls:");
        foreach (var (name, value) in seconds)
        {
            figures[name + "_ms"] = value * 1000;
            if (name != "train_step") figures[name + "_over_train_step"] = value / trainStep;
            Console.WriteLine($"  {name,-28} {value * 1000,9:F1} ms  {value / trainStep,7:P1} of a training step");
        }
        return new BenchmarkResult(Name, figures,
            $"{backbone} 12x1000, 5 classes, batch {batch} (all rows candidates), AdamW training step; {WarmupCalls} warm-up calls, then {steps} rounds calling each measure once in turn, median per measure");
    }

    /// <summary>
    /// Calls every measure once per round, in turn, so that load from other processes on a shared machine hits
    /// them alike, and keeps each measure's median.
    /// </summary>
    private static Dictionary<string, double> MedianSeconds(Backbone backbone, int batch, int steps)
    {
        using var fixture = new FixedBatchTraining(batch, backbone);
        var network = fixture.Network;
        var targets = fixture.Targets;
        Tensor activations;
        using (no_grad())
        {
            network.eval();
            activations = network.Trunk(fixture.Input);
        }

        var measures = new (string Name, Action Call)[]
        {
            ("train_step", () =>
            {
                network.train();
                fixture.TrainStep();
                network.eval();
            }),
            ("confidence_pass", () =>
            {
                using var scope = NewDisposeScope();
                using var noGrad = no_grad();
                nn.functional.softmax(network.Head(network.Trunk(fixture.Input)), 1);
            }),
            ("focus_cam_fast_path", () => Focus(() => GradCam.TimeProfiles(network, activations, targets))),
            ("focus_general_path_cached", () => Focus(() => GradCam.GradientTimeProfiles(network, activations, targets))),
            ("focus_reference_way", () => Focus(() => ReferenceTimeProfiles(fixture))),
        };

        var samples = measures.ToDictionary(measure => measure.Name, _ => new List<double>());
        for (int round = -WarmupCalls; round < steps; round++)
            foreach (var (name, call) in measures)
            {
                var clock = System.Diagnostics.Stopwatch.StartNew();
                call();
                if (round >= 0) samples[name].Add(clock.Elapsed.TotalSeconds);
            }
        activations.Dispose();
        return samples.ToDictionary(pair => pair.Key, pair => RunStatistics.Median(pair.Value));
    }

    private static void Focus(Func<Tensor> profiles)
    {
        using var scope = NewDisposeScope();
        FocusScore.Compute(profiles()).data<float>().ToArray(); // to managed memory, as a selection policy would
    }

    /// <summary>
    /// Grad-CAM as the authors' code computes it: a fresh forward with gradients on, then one backward from the
    /// target logits through the whole network (parameter gradients included), reading the activations' gradient.
    /// </summary>
    private static Tensor ReferenceTimeProfiles(FixedBatchTraining fixture)
    {
        var network = fixture.Network;
        network.zero_grad(set_to_none: true);
        var activations = network.Trunk(fixture.Input);
        activations.retain_grad();
        network.Head(activations).gather(1, fixture.Targets.unsqueeze(1)).sum().backward();
        using var noGrad = no_grad();
        long[] positions = Enumerable.Range(2, (int)activations.dim() - 2).Select(axis => (long)axis).ToArray();
        var map = (activations.grad!.mean(positions, keepdim: true) * activations).sum(1).relu();
        return map.dim() == 3 ? map.mean([1]) : map; // 2-D maps: average over height

    }
}
