using System.Globalization;
using Erts.MLNet.Data.Synthetic;
using Erts.MLNet.Networks;
using Erts.MLNet.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Erts.Benchmarks;

/// <summary>
/// Wall-clock of one training epoch under full training and under ERTS-DBPD with the reference settings, with
/// <see cref="ErtsTrainer.Options.CompactKeptRows"/>, and with compaction plus
/// <see cref="ErtsTrainer.Options.ScoreReuseEpochs"/> = 2, for ResNet1d and SmallCnn1d on synthetic ECGs.
/// </summary>
/// <remarks>
/// Each network is first trained on all data for a few epochs (so the kept fraction is realistic), and every
/// configuration starts from those weights: one warm-up epoch on all rows (it also fills the score cache, as the
/// previous epochs of a real run would), then <c>--epochs</c> selection epochs with the focus filter on (CAM delay 0).
/// The figure is the mean time of the selection epochs after the first <c>--settle</c> ones; score reuse is periodic
/// (a skipped sample gets a fresh pass every k + 1 epochs), so the measured window should span whole cycles. Configurations run interleaved,
/// <c>--repeats</c> times, and the median is reported, because the machine is shared.
/// With k = 2 and no settling, the three measured epochs are one full reuse cycle. Options: <c>--pretrain E</c> (3),
/// <c>--epochs S</c> (3), <c>--settle S0</c> (0), <c>--repeats R</c> (3), <c>--networks SmallCnn1d:2000,ResNet1d:2000</c>
/// (backbone[:records]).
/// </remarks>
public sealed class SelectionEpochCostBenchmark : IBenchmark
{
    private const int Leads = 3;
    private const float SamplingRate = 250f;
    private const float DurationSeconds = 2f; // 500 samples per lead

    private static readonly Configuration[] Configurations =
    [
        new("full", "full", CompactKeptRows: false, ScoreReuseEpochs: 0),
        new("erts_reference", "erts-dbpd", CompactKeptRows: false, ScoreReuseEpochs: 0),
        new("erts_compact", "erts-dbpd", CompactKeptRows: true, ScoreReuseEpochs: 0),
        new("erts_compact_reuse2", "erts-dbpd", CompactKeptRows: true, ScoreReuseEpochs: 2),
    ];

    /// <inheritdoc />
    public string Name => "selection-epoch-cost";

    /// <inheritdoc />
    public string Description => "seconds of a Full epoch vs an ERTS-DBPD selection epoch (reference, compacted, + score reuse)";

    /// <inheritdoc />
    public BenchmarkResult Run(BenchmarkContext context)
    {
        var arguments = new Arguments(context.Arguments);
        int pretrainEpochs = arguments.Int("--pretrain", 3);
        int measuredEpochs = arguments.Int("--epochs", 3);
        int settleEpochs = arguments.Int("--settle", 0);
        int repeats = arguments.Int("--repeats", 3);
        var networks = arguments.Text("--networks", "SmallCnn1d:2000,ResNet1d:2000").Split(',').Select(NetworkAndRecords).ToArray();
        if (settleEpochs >= measuredEpochs) throw new ArgumentException("--settle must be below --epochs.");

        var figures = new Dictionary<string, double>();
        Console.WriteLine($"{context.Threads} threads, median of {repeats} interleaved runs; selection epochs {settleEpochs + 1}..{measuredEpochs} after warm-up measured");
        foreach (var (backbone, records) in networks)
        {
            var data = SyntheticData(records);
            figures[$"{backbone}_records"] = records;
            var warmedUp = Pretrain(backbone, data, pretrainEpochs, context.Threads);
            var runs = Configurations.ToDictionary(c => c, _ => new List<EpochCost>());
            for (int repeat = 0; repeat < repeats; repeat++)
                foreach (var configuration in Configurations)
                {
                    var cost = Measure(backbone, warmedUp, data, configuration, measuredEpochs, settleEpochs, context.Threads);
                    runs[configuration].Add(cost);
                    Console.WriteLine($"  run {repeat + 1}/{repeats} {configuration.Name}: {cost.Seconds:F2} s per epoch, kept {cost.KeptFraction:P0}");
                }

            double fullSeconds = Median(runs[Configurations[0]].Select(r => r.Seconds));
            Console.WriteLine($"{backbone}, {records} records of {data.Leads} leads x {data.Samples} samples:");
            Console.WriteLine($"  {"configuration",-22} {"seconds",8} {"vs full",8} {"kept",6} {"conf pass",10} {"steps",6}");
            foreach (var configuration in Configurations)
            {
                var costs = runs[configuration];
                double seconds = Median(costs.Select(c => c.Seconds));
                double kept = costs.Average(c => c.KeptFraction);
                double passed = costs.Average(c => c.ConfidencePassFraction);
                double steps = costs.Average(c => c.UpdateSteps);
                string prefix = $"{backbone}_{configuration.Name}";
                figures[$"{prefix}_seconds"] = seconds;
                figures[$"{prefix}_kept_fraction"] = kept;
                figures[$"{prefix}_confidence_pass_fraction"] = passed;
                figures[$"{prefix}_update_steps"] = steps;
                Console.WriteLine($"  {configuration.Name,-22} {seconds,8:F2} {seconds / fullSeconds,7:F2}x {kept,6:P0} {passed,10:P0} {steps,6:F0}   " +
                                  $"(runs: {string.Join(", ", costs.Select(c => c.Seconds.ToString("F2", CultureInfo.InvariantCulture)))})");
            }
            warmedUp.Dispose();
        }
        return new BenchmarkResult(Name, figures,
            $"Synthetic ECGs ({string.Join(", ", networks.Select(n => $"{n.Records} records for {n.Backbone}"))}; {Leads} leads x {SamplingRate * DurationSeconds} samples at {SamplingRate} Hz, 5 classes), batch 32, " +
            $"networks pre-trained {pretrainEpochs} full epochs (lr 1e-3); each configuration: 1 warm-up epoch then {measuredEpochs} " +
            $"selection epochs (tau 0.3, rho 0.7, CAM delay 0), mean of epochs {settleEpochs + 1}..{measuredEpochs} after warm-up; " +
            $"median of {repeats} interleaved runs on a shared, loaded machine. Seconds exclude validation.");
    }

    // "ResNet1d:480" -> (ResNet1d, 480); the record count defaults to 2000.
    private static (Backbone Backbone, int Records) NetworkAndRecords(string text)
    {
        var parts = text.Split(':');
        return (Enum.Parse<Backbone>(parts[0]), parts.Length > 1 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : 2000);
    }

    private static EcgTensorData SyntheticData(int records)
    {
        var options = new SyntheticEcgOptions
        {
            LeadNames = SyntheticEcgOptions.Defaults.LeadNames.Take(Leads).ToArray(),
            SamplingRate = SamplingRate,
            DurationSeconds = DurationSeconds,
        };
        options.ExamplesPerClass = records / options.Classes.Count;
        var generator = new SyntheticEcgGenerator(options);
        var examples = generator.Examples().ToArray();
        var signals = examples.SelectMany(example => example.Signal).ToArray();
        var classIndex = generator.Labels.Select((label, index) => (label, index)).ToDictionary(pair => pair.label, pair => pair.index);
        var labels = examples.Select(example => classIndex[example.Label]).ToArray();
        return new EcgTensorData(signals, labels, Leads, generator.Shape.Samples, generator.Labels);
    }

    private static ErtsTrainer.Options Options(Backbone backbone, string policy, int epochs, int threads) => new()
    {
        Network = backbone,
        SelectionPolicy = policy,
        Epochs = epochs,
        WarmupEpochs = 1,
        CamDelayEpochs = 0,
        RevisionStartEpoch = epochs, // never revise
        Threads = threads,
    };

    private static EcgNetwork Pretrain(Backbone backbone, EcgTensorData data, int epochs, int threads)
    {
        torch.manual_seed(ErtsTrainer.Options.Defaults.Seed);
        var network = NetworkFactory.Create(backbone, data.Leads, data.Samples, data.Classes);
        var options = Options(backbone, "full", epochs, threads);
        options.LearningRate = 1e-3;
        var report = new TrainingLoop(options).Run(network, data, validation: null);
        Console.WriteLine($"{backbone}: pre-trained {epochs} full epochs in {report.WallClockSeconds:F1} s, last loss {report.Epochs[^1].TrainLoss:F3}");
        return network;
    }

    private static EpochCost Measure(
        Backbone backbone, EcgNetwork warmedUp, EcgTensorData data, Configuration configuration, int measuredEpochs, int settleEpochs, int threads)
    {
        var network = NetworkFactory.Create(backbone, data.Leads, data.Samples, data.Classes);
        using (no_grad())
            network.load_state_dict(warmedUp.state_dict());
        var options = Options(backbone, configuration.Policy, 1 + measuredEpochs, threads);
        options.CompactKeptRows = configuration.CompactKeptRows;
        options.ScoreReuseEpochs = configuration.ScoreReuseEpochs;
        var report = new TrainingLoop(options).Run(network, data, validation: null);
        network.Dispose();

        var measured = report.Epochs.Skip(1 + settleEpochs).ToArray();
        return new EpochCost(
            measured.Average(e => e.ConfidenceSeconds + e.GradCamSeconds + e.UpdateSeconds),
            measured.Average(e => e.KeptFraction),
            measured.Average(e => (double)e.ConfidencePassSamples / e.SamplesSeen),
            measured.Average(e => e.UpdateSteps));
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private sealed record Configuration(string Name, string Policy, bool CompactKeptRows, int ScoreReuseEpochs);

    private sealed record EpochCost(double Seconds, double KeptFraction, double ConfidencePassFraction, double UpdateSteps);

    private sealed class Arguments(IReadOnlyList<string> arguments)
    {
        public int Int(string name, int fallback) => int.Parse(Text(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

        public string Text(string name, string fallback)
        {
            int at = arguments.ToList().IndexOf(name);
            return at >= 0 && at + 1 < arguments.Count ? arguments[at + 1] : fallback;
        }
    }
}
