using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using static TorchSharp.torch;

namespace Erts.Benchmarks;

/// <summary>
/// Training and inference throughput of <c>ResNet1d</c> in TorchSharp against the PyTorch peer
/// (<c>../shared/peers/resnet1d_torch.py</c>) in the same run, same threads and batch.
/// </summary>
/// <remarks>
/// Options: <c>--batch N</c> (64), <c>--steps N</c> (20 timed steps after 3 warm-up steps), <c>--rounds N</c>
/// (3; TorchSharp and PyTorch alternate, and medians are reported, because the machine is shared),
/// <c>--peer PATH</c> (default: <c>../shared/peers/resnet1d_torch.py</c> beside the repository root, else beside
/// <c>$ERTS_SHARED_DATA</c>), <c>--python PATH</c> (<c>/usr/bin/python3</c>, Debian's python3-torch).
/// </remarks>
public sealed partial class TrainStepVsPyTorchBenchmark : IBenchmark
{
    private const string PeerFileName = "resnet1d_torch.py";
    private const int WarmupSteps = 3;

    /// <inheritdoc />
    public string Name => "train-step-vs-pytorch";

    /// <inheritdoc />
    public string Description => "ResNet1d train/infer samples/s, TorchSharp vs the PyTorch peer (12x1000, batch 64)";

    /// <inheritdoc />
    public BenchmarkResult Run(BenchmarkContext context)
    {
        var options = new BenchmarkOptions(context.Arguments);
        int batch = options.Int("--batch", 64), steps = options.Int("--steps", 20), rounds = options.Int("--rounds", 3);
        string python = options.Text("--python", "/usr/bin/python3");
        string? peer = options.TextOrNull("--peer") ?? FindPeer();

        var torchSharp = new List<(double Train, double Infer)>();
        var pyTorch = new List<(double Train, double Infer)>();
        string peerVersion = "";
        for (int round = 1; round <= rounds; round++)
        {
            var mine = MeasureTorchSharp(batch, steps);
            torchSharp.Add(mine);
            Console.WriteLine($"round {round}: torchsharp {__version__} threads={context.Threads} batch={batch} train samples/s={mine.Train:F1} infer samples/s={mine.Infer:F1}");
            if (peer is null) continue;
            var peerRun = RunPeer(python, peer, context.Threads, batch, steps);
            if (peerRun is null) { peer = null; continue; }
            pyTorch.Add((peerRun.Value.Train, peerRun.Value.Infer));
            peerVersion = peerRun.Value.Version;
            Console.WriteLine($"round {round}: {peerVersion} train samples/s={peerRun.Value.Train:F1} infer samples/s={peerRun.Value.Infer:F1}");
        }

        var figures = new Dictionary<string, double>
        {
            ["torchsharp_train_samples_per_s"] = RunStatistics.Median(torchSharp.Select(run => run.Train)),
            ["torchsharp_infer_samples_per_s"] = RunStatistics.Median(torchSharp.Select(run => run.Infer)),
        };
        string notes = $"ResNet1d 12x1000, 5 classes, batch {batch}, AdamW 1e-3 wd 0.01, {WarmupSteps} warm-up + {steps} timed steps, median of {rounds} alternating rounds";
        if (pyTorch.Count == rounds)
        {
            figures["pytorch_train_samples_per_s"] = RunStatistics.Median(pyTorch.Select(run => run.Train));
            figures["pytorch_infer_samples_per_s"] = RunStatistics.Median(pyTorch.Select(run => run.Infer));
            // Per-round ratios pair runs made close in time, which matters on a shared machine.
            figures["train_ratio_torchsharp_over_pytorch"] = RunStatistics.Median(torchSharp.Zip(pyTorch, (a, b) => a.Train / b.Train));
            figures["infer_ratio_torchsharp_over_pytorch"] = RunStatistics.Median(torchSharp.Zip(pyTorch, (a, b) => a.Infer / b.Infer));
            Console.WriteLine($"TorchSharp/PyTorch, median of per-round ratios: train {figures["train_ratio_torchsharp_over_pytorch"]:F2}x, infer {figures["infer_ratio_torchsharp_over_pytorch"]:F2}x");
            notes += $"; peer: {python} {PeerFileName} {context.Threads} {batch} {steps} ({peerVersion})";
        }
        return new BenchmarkResult(Name, figures, notes);
    }

    private static (double Train, double Infer) MeasureTorchSharp(int batch, int steps)
    {
        using var fixture = new FixedBatchTraining(batch);
        fixture.Network.train();
        double train = batch / FixedBatchTraining.SecondsPerCall(fixture.TrainStep, WarmupSteps, steps);

        fixture.Network.eval();
        double infer = batch / FixedBatchTraining.SecondsPerCall(() =>
        {
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            fixture.Network.call(fixture.Input);
        }, warmup: 1, steps);
        return (train, infer);
    }

    private static (string Version, double Train, double Infer)? RunPeer(string python, string peer, int threads, int batch, int steps)
    {
        var start = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { peer, threads.ToString(CultureInfo.InvariantCulture), batch.ToString(CultureInfo.InvariantCulture), steps.ToString(CultureInfo.InvariantCulture) })
            start.ArgumentList.Add(argument);
        try
        {
            using var process = Process.Start(start)!;
            string output = process.StandardOutput.ReadToEnd();
            string errors = process.StandardError.ReadToEnd();
            process.WaitForExit();
            var train = TrainLine().Match(output);
            var infer = InferLine().Match(output);
            if (process.ExitCode != 0 || !train.Success || !infer.Success)
            {
                Console.WriteLine($"peer skipped: {python} {peer} exited with {process.ExitCode}: {errors.Trim()}");
                return null;
            }
            return (train.Groups["version"].Value, Parse(train), Parse(infer));
        }
        catch (System.ComponentModel.Win32Exception error)
        {
            Console.WriteLine($"peer skipped: cannot start {python} ({error.Message}); install Debian's python3-torch");
            return null;
        }
    }

    private static double Parse(Match match) => double.Parse(match.Groups["rate"].Value, CultureInfo.InvariantCulture);

    /// <summary>The peer script: --peer, else ../shared/peers beside the repository root or the shared data folder.</summary>
    private static string? FindPeer()
    {
        var candidates = new List<string>();
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder != null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "ERTS.MLNet.sln")))
            {
                candidates.Add(Path.Combine(folder.FullName, "..", "shared", "peers", PeerFileName));
                break;
            }
        if (Environment.GetEnvironmentVariable("ERTS_SHARED_DATA") is { Length: > 0 } data)
            candidates.Add(Path.Combine(data, "..", "peers", PeerFileName));
        string? found = candidates.Select(Path.GetFullPath).FirstOrDefault(File.Exists);
        if (found is null)
            Console.WriteLine($"peer skipped: {PeerFileName} not found (looked in {string.Join(", ", candidates)}); pass --peer PATH");
        return found;
    }

    [GeneratedRegex(@"^(?<version>pytorch \S+) .*train samples/s=(?<rate>[0-9.]+)", RegexOptions.Multiline)]
    private static partial Regex TrainLine();

    [GeneratedRegex(@"infer samples/s=(?<rate>[0-9.]+)", RegexOptions.Multiline)]
    private static partial Regex InferLine();
}
