using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Erts.MLNet.Catalog;
using Erts.MLNet.Networks;
using Erts.MLNet.Training;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Erts.Benchmarks;

/// <summary>
/// Peak resident memory of <c>Fit</c> on a generated stream of ECG windows larger than
/// <see cref="ErtsTrainer.Options.InMemoryDataLimitMegabytes"/>, against the same Fit with no limit. Each
/// configuration runs in a child process of its own, because peak RSS (<c>VmHWM</c>) is per process.
/// </summary>
/// <remarks>
/// The view is <c>LoadFromEnumerable</c> over a lazy generator (nothing is kept by the source), one lead of
/// <c>--samples</c> values per row, class = pulse period. Options: <c>--rows N</c> (300000), <c>--samples S</c> (1000),
/// <c>--limits 256,none</c> (megabytes; none = no limit), <c>--epochs E</c> (1), <c>--policy P</c> (full).
/// </remarks>
public sealed class SpilledFitMemoryBenchmark : IBenchmark
{
    private const string ChildFlag = "--child-limit";
    private const string ResultPrefix = "RESULT ";

    /// <inheritdoc />
    public string Name => "spilled-fit-memory";

    /// <inheritdoc />
    public string Description => "peak RSS of Fit on a generated stream larger than the in-memory limit vs no limit";

    /// <inheritdoc />
    public BenchmarkResult Run(BenchmarkContext context)
    {
        var options = new BenchmarkOptions(context.Arguments);
        var run = new Setup(options.Int("--rows", 300_000), options.Int("--samples", 1000), options.Int("--epochs", 1),
            options.Text("--policy", "full"), context.Threads);
        if (options.TextOrNull(ChildFlag) is { } childLimit)
        {
            RunChild(run, ParseLimit(childLimit));
            // The child's figures travel in its RESULT line; exiting here keeps it from writing the results file.
            Environment.Exit(0);
        }

        double rawMegabytes = (double)run.Rows * run.Samples * sizeof(float) / (1 << 20);
        Console.WriteLine($"{run.Rows:N0} windows of 1 x {run.Samples} samples = {rawMegabytes:F0} MB of signals; SmallCnn1d, {run.Policy}, {run.Epochs} epoch(s), {context.Threads} thread(s)");
        var figures = new Dictionary<string, double> { ["rows"] = run.Rows, ["signal_MB"] = Math.Round(rawMegabytes) };
        foreach (string limit in options.Text("--limits", "256,none").Split(','))
        {
            var child = RunInChildProcess(context, limit);
            string key = limit == "none" ? "no_limit" : $"limit_{limit}MB";
            figures[$"{key}_peak_rss_MB"] = Math.Round(child.PeakRssMegabytes);
            figures[$"{key}_rss_before_fit_MB"] = Math.Round(child.RssBeforeFitMegabytes);
            figures[$"{key}_fit_s"] = Math.Round(child.FitSeconds, 1);
            figures[$"{key}_focus_candidates"] = child.FocusCandidates;
            Console.WriteLine($"  limit {limit,5} MB: peak RSS {child.PeakRssMegabytes,6:F0} MB (before Fit {child.RssBeforeFitMegabytes:F0} MB), Fit {child.FitSeconds:F1} s, validation macro-F1 {child.ValidationMacroF1:F3}, focus candidates scored {child.FocusCandidates:N0}");
        }
        return new BenchmarkResult(Name, figures,
            $"LoadFromEnumerable over a lazy generator, {run.Rows} rows x 1 lead x {run.Samples} samples; SmallCnn1d, policy {run.Policy}, " +
            $"{run.Epochs} epoch(s), batch 256, validation fraction 0.1; peak RSS = VmHWM of a child process per limit.");
    }

    private static ChildResult RunInChildProcess(BenchmarkContext context, string limit)
    {
        string self = Environment.ProcessPath ?? throw new InvalidOperationException("The benchmark's own executable is unknown.");
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
        // Under `dotnet Erts.Benchmarks.dll` the process is the dotnet host: pass the assembly first.
        if (Path.GetFileNameWithoutExtension(self) == "dotnet") start.ArgumentList.Add(typeof(SpilledFitMemoryBenchmark).Assembly.Location);
        foreach (string argument in new[] { "spilled-fit-memory", "--threads", context.Threads.ToString(CultureInfo.InvariantCulture) }
                     .Concat(context.Arguments).Concat([ChildFlag, limit]))
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        string? result = null;
        while (process.StandardOutput.ReadLine() is { } line)
            if (line.StartsWith(ResultPrefix, StringComparison.Ordinal)) result = line[ResultPrefix.Length..];
            else Console.WriteLine($"    {line}");
        process.WaitForExit();
        if (process.ExitCode != 0 || result is null) throw new InvalidOperationException($"The child run with limit {limit} failed (exit code {process.ExitCode}).");
        return JsonSerializer.Deserialize<ChildResult>(result)!;
    }

    private static void RunChild(Setup run, int? limitMegabytes)
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Transforms.Conversion.MapValueToKey("Label").Fit(View(mlContext, run)).Transform(View(mlContext, run));
        var trainer = mlContext.MulticlassClassification.Trainers.Erts(new ErtsTrainer.Options
        {
            Network = Backbone.SmallCnn1d,
            SelectionPolicy = run.Policy,
            Epochs = run.Epochs,
            WarmupEpochs = 0,
            CamDelayEpochs = 0,
            RevisionStartEpoch = ErtsTrainer.Options.RevisionLastEpochOnly,
            BatchSize = 256,
            LearningRate = 1e-3,
            Threads = run.Threads,
            InMemoryDataLimitMegabytes = limitMegabytes,
        });
        double before = ResidentMegabytes("VmRSS");
        var clock = Stopwatch.StartNew();
        using var model = trainer.Fit(data);
        var result = new ChildResult(ResidentMegabytes("VmHWM"), before, clock.Elapsed.TotalSeconds, model.Report!.Epochs[^1].ValidationMacroF1,
            model.Report.FocusHistograms.Sum(h => (long)h.Count));
        Console.WriteLine(ResultPrefix + JsonSerializer.Serialize(result));
    }

    /// <summary>A view over a lazy generator: each cursor regenerates the same rows, nothing is retained.</summary>
    private static IDataView View(MLContext mlContext, Setup run)
    {
        var definition = SchemaDefinition.Create(typeof(Window));
        definition[nameof(Window.Signal)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, 1, run.Samples);
        return mlContext.Data.LoadFromEnumerable(Windows(run), definition);
    }

    private static IEnumerable<Window> Windows(Setup run)
    {
        var random = new Random(7);
        for (int i = 0; i < run.Rows; i++)
        {
            int label = i % 3, period = 20 * (label + 1), phase = random.Next(period);
            var signal = new float[run.Samples];
            for (int t = 0; t < signal.Length; t++)
                signal[t] = ((t + phase) % period < 3 ? 1f : 0f) + 0.2f * (float)(random.NextDouble() - 0.5);
            yield return new Window { Label = label.ToString(CultureInfo.InvariantCulture), Signal = signal };
        }
    }

    private static int? ParseLimit(string text) => text == "none" ? null : int.Parse(text, CultureInfo.InvariantCulture);

    /// <summary>A <c>/proc/self/status</c> figure in megabytes (Linux), or NaN elsewhere.</summary>
    private static double ResidentMegabytes(string field)
    {
        if (!File.Exists("/proc/self/status")) return double.NaN;
        string line = File.ReadLines("/proc/self/status").First(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
    }

    private sealed record Setup(int Rows, int Samples, int Epochs, string Policy, int Threads);

    private sealed record ChildResult(double PeakRssMegabytes, double RssBeforeFitMegabytes, double FitSeconds, double ValidationMacroF1, long FocusCandidates);

    /// <summary>One generated row.</summary>
    private sealed class Window
    {
        public string Label { get; set; } = "";

        public float[] Signal { get; set; } = [];
    }
}
