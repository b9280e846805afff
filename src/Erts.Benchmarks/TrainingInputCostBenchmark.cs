using Erts.MLNet.Networks;
using Erts.MLNet.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Erts.Benchmarks;

/// <summary>
/// What drawing the training inputs costs beside the step they feed: a batch of random 10 s windows cut from whole
/// CinC-sized records (1 lead, up to 61 s at 100 Hz), with and without the recipe's augmentation, against one ResNet1d
/// training step (forward, backward, AdamW) on such a batch.
/// </summary>
/// <remarks>Options: <c>--batch N</c> (64, the recipe's), <c>--steps N</c> (20 timed rounds after 2 warm-up rounds).</remarks>
public sealed class TrainingInputCostBenchmark : IBenchmark
{
    private const int Records = 1_600, Samples = 6_100, Window = 1_000, Classes = 4;

    /// <inheritdoc />
    public string Name => "training-input-cost";

    /// <inheritdoc />
    public string Description => "random windows + augmentation per batch vs a ResNet1d training step (CinC-sized records)";

    /// <inheritdoc />
    public BenchmarkResult Run(BenchmarkContext context)
    {
        var options = new BenchmarkOptions(context.Arguments);
        int batch = options.Int("--batch", 64), steps = options.Int("--steps", 20);

        // Whole records of 9-61 s (random lengths), zero-padded, as a whole-record view gives the trainer.
        var random = new Random(1);
        var lengths = Enumerable.Range(0, Records).Select(_ => random.Next(900, Samples + 1)).ToArray();
        var signals = new float[Records * Samples];
        for (int r = 0; r < Records; r++)
            for (int t = 0; t < lengths[r]; t++) signals[r * Samples + t] = (float)(random.NextDouble() * 2 - 1);
        var labels = Enumerable.Range(0, Records).Select(r => r % Classes).ToArray();
        var data = new EcgTensorData(new Erts.MLNet.Training.Storage.MemorySignalStore(signals, Samples), labels, 1, Samples,
            ["N", "A", "O", "~"], rows: null, lengths);
        var plain = new TrainingInputs(data, new ErtsTrainer.Options { TrainingWindow = Window });
        var augmented = new TrainingInputs(data, new ErtsTrainer.Options { TrainingWindow = Window, Augmentation = EcgAugmentation.Light });
        var everything = new TrainingInputs(data, new ErtsTrainer.Options
        {
            TrainingWindow = Window,
            Augmentation = new EcgAugmentation { AmplitudeScale = 0.2f, NoiseStandardDeviation = 0.05f, BaselineWanderAmplitude = 0.2f, MaxTimeShift = 50 },
        });

        torch.manual_seed(1);
        using var network = new ResNet1d(1, Classes);
        using var optimizer = optim.AdamW(network.parameters(), 1e-3, weight_decay: 0.01);
        var rows = Enumerable.Range(0, batch).ToArray();
        int epoch = 0;
        var measures = new (string Name, Action Call)[]
        {
            ("train_step", () =>
            {
                using var scope = NewDisposeScope();
                network.train();
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(network.call(plain.Signals(rows, 0, CPU)), tensor(rows.Select(r => (long)labels[r]).ToArray()));
                loss.backward();
                optimizer.step();
            }),
            ("windows", () => { using var scope = NewDisposeScope(); plain.Signals(rows, epoch++, CPU); }),
            ("windows_light_augmentation", () => { using var scope = NewDisposeScope(); augmented.Signals(rows, epoch++, CPU); }),
            ("windows_every_augmentation", () => { using var scope = NewDisposeScope(); everything.Signals(rows, epoch++, CPU); }),
        };
        var seconds = measures.ToDictionary(m => m.Name, _ => new List<double>());
        for (int round = 0; round < steps + 2; round++)
            foreach (var (name, call) in measures)
            {
                var clock = System.Diagnostics.Stopwatch.StartNew();
                call();
                if (round >= 2) seconds[name].Add(clock.Elapsed.TotalSeconds);
            }

        var medians = seconds.ToDictionary(pair => pair.Key, pair => pair.Value.Order().ElementAt(pair.Value.Count / 2));
        double step = medians["train_step"];
        var figures = new Dictionary<string, double>();
        Console.WriteLine($"ResNet1d 1x{Window}, batch {batch}, threads={context.Threads}, median of {steps} interleaved rounds:");
        foreach (var (name, value) in medians)
        {
            figures[name + "_ms"] = value * 1000;
            if (name != "train_step") figures[name + "_over_train_step"] = value / step;
            Console.WriteLine($"  {name,-28} {value * 1000,9:F2} ms  {value / step,7:P2} of a training step");
        }
        return new BenchmarkResult(Name, figures,
            $"{Records} records of 9-61 s at 100 Hz (1 lead, zero-padded to {Samples}), random {Window}-sample windows; light = amplitude ±0.2 + noise sd 0.05; " +
            "every = light + wander 0.2 + shift ±50; the training step includes drawing its plain windows; median per measure of interleaved rounds");
    }
}
