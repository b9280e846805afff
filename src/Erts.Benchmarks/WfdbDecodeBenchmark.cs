using System.Diagnostics;
using Erts.MLNet.Data.Wfdb;

namespace Erts.Benchmarks;

/// <summary>
/// Decode throughput of WFDB signal formats 212 and 16 on one core: the format decoder alone on bytes in memory,
/// and <see cref="WfdbRecord.ReadSignals(long, int?)"/> end to end on a file in the page cache (read, decode,
/// de-interleave into signal-major arrays).
/// </summary>
/// <remarks>
/// Options: <c>--samples N</c> samples per signal (default 10,000,000, two signals, random bytes), <c>--repeats N</c> (default 5;
/// the best run is kept). Throughput is given in decoded samples per second and in MB/s of decoded samples counted as
/// 16-bit values (2 bytes each, the size of the int16 they stand for), so formats are comparable; MB = 10^6 bytes.
/// </remarks>
public sealed class WfdbDecodeBenchmark : IBenchmark
{
    /// <inheritdoc/>
    public string Name => "wfdb-decode";

    /// <inheritdoc/>
    public string Description => "WFDB format 212 and 16 decode throughput, one core (MB/s of decoded samples)";

    /// <inheritdoc/>
    public BenchmarkResult Run(BenchmarkContext context)
    {
        int samples = IntOption(context.Arguments, "--samples", 10_000_000);
        int repeats = IntOption(context.Arguments, "--repeats", 5);
        const int signals = 2;
        long total = (long)samples * signals;

        var figures = new Dictionary<string, double>();
        string folder = Path.Combine(Path.GetTempPath(), "erts-wfdb-bench-" + Environment.ProcessId);
        Directory.CreateDirectory(folder);
        try
        {
            foreach (int code in new[] { 212, 16 })
            {
                WfdbSignalFormat format = WfdbSignalFormat.Find(code)!;
                byte[] bytes = RandomEncoded(format, total, seed: 42);
                var decoded = new int[total];

                double decodeSeconds = Best(repeats, () => format.Decode(bytes, decoded));

                string record = Path.Combine(folder, "r" + code);
                File.WriteAllBytes(record + ".dat", bytes);
                File.WriteAllText(record + ".hea", $"r{code} {signals} 360 {samples}\n" +
                    $"r{code}.dat {code} 200 12 0 0 0 0 a\nr{code}.dat {code} 200 12 0 0 0 0 b\n");
                var opened = WfdbRecord.Open(record, WfdbReadOptions.Informative);
                double readSeconds = Best(repeats, () => opened.ReadSignals(0, samples));

                figures[$"format{code}_decode_Msamples_per_s"] = Math.Round(total / decodeSeconds / 1e6, 1);
                figures[$"format{code}_decode_MBps"] = Math.Round(total * 2 / decodeSeconds / 1e6, 0);
                figures[$"format{code}_read_record_MBps"] = Math.Round(total * 2 / readSeconds / 1e6, 0);
                Console.WriteLine($"format {code,3}: decode {total / decodeSeconds / 1e6,7:F1} Msamples/s = {total * 2 / decodeSeconds / 1e6,6:F0} MB/s; " +
                    $"ReadSignals (file, de-interleave, allocate) {total * 2 / readSeconds / 1e6,6:F0} MB/s");
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
        return new BenchmarkResult(Name, figures,
            $"{samples:N0} samples x {signals} signals of random bytes, best of {repeats}, one thread, .NET {Environment.Version}; " +
            "MB/s counts decoded samples as 2 bytes each");
    }

    /// <summary>
    /// Random bytes holding <paramref name="samples"/> samples of a format: every byte pattern is valid in 212 and 16,
    /// so no encoder is needed.
    /// </summary>
    internal static byte[] RandomEncoded(WfdbSignalFormat format, long samples, int seed)
    {
        var bytes = new byte[format.ByteCount(samples)];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static double Best(int repeats, Action action)
    {
        action(); // warm-up: JIT tiers, page cache
        double best = double.MaxValue;
        for (int r = 0; r < repeats; r++)
        {
            long start = Stopwatch.GetTimestamp();
            action();
            best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalSeconds);
        }
        return best;
    }

    private static int IntOption(IReadOnlyList<string> arguments, string name, int fallback)
    {
        int at = arguments.ToList().IndexOf(name);
        return at >= 0 && at + 1 < arguments.Count && int.TryParse(arguments[at + 1], out int value) && value > 0 ? value : fallback;
    }
}
