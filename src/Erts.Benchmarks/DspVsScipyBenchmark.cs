using System.Diagnostics;
using System.Text.Json;
using Erts.MLNet.Dsp;

namespace Erts.Benchmarks;

/// <summary>
/// The ECG transforms' DSP (polyphase resampling, Butterworth band-pass and mains notch, both zero-phase) against
/// the same SciPy calls on the same input in the same run. Options: <c>--records N</c> (default 100 twelve-lead
/// 10-second records at 360 Hz), <c>--repeats N</c> (best of, default 5). The Python is <c>$ERTS_PYTHON</c> or
/// <c>python3</c>, with SciPy.
/// </summary>
public sealed class DspVsScipyBenchmark : IBenchmark
{
    private const float SamplingRate = 360;
    private const int Samples = 3600;
    private const int Leads = 12;

    /// <inheritdoc />
    public string Name => "dsp-vs-scipy";

    /// <inheritdoc />
    public string Description => "resample 360->250 Hz, 0.5-40 Hz band-pass and 50 Hz notch (zero phase) vs SciPy on the same data";

    /// <inheritdoc />
    public BenchmarkResult Run(BenchmarkContext context)
    {
        int records = Option(context, "--records", 100), repeats = Option(context, "--repeats", 5);
        int rows = records * Leads;
        float[] input = SyntheticLeads(rows);

        var resampler = PolyphaseResampler.ForRates(SamplingRate, 250);
        var bandPass = FilterDesign.Butterworth(2, 0.5, 40, SamplingRate);
        var notch = FilterDesign.Notch(50, 30, SamplingRate);
        int resampledLength = resampler.OutputLength(Samples);
        var operations = new (string Name, int OutputLength, Action<ReadOnlySpan<float>, Span<float>> Apply, string ScipyKey)[]
        {
            ("resample", resampledLength, (x, y) => resampler.Process(x, y), "resample_poly_ms"),
            ("bandpass", Samples, (x, y) => bandPass.FilterZeroPhase(x, y), "butter_filtfilt_ms"),
            ("notch", Samples, (x, y) => notch.FilterZeroPhase(x, y), "notch_filtfilt_ms"),
        };

        var figures = new Dictionary<string, double>();
        var scipy = RunScipy(input, rows, repeats, out string scipyNote);
        foreach (var op in operations)
        {
            var output = new float[rows * op.OutputLength];
            void Lead(int r) => op.Apply(input.AsSpan(r * Samples, Samples), output.AsSpan(r * op.OutputLength, op.OutputLength));
            double single = Best(repeats, () => { for (int r = 0; r < rows; r++) Lead(r); });
            double parallel = Best(repeats, () => Parallel.For(0, rows, new ParallelOptions { MaxDegreeOfParallelism = context.Threads }, Lead));
            figures[$"{op.Name}_csharp_1thread_ms"] = single;
            figures[$"{op.Name}_csharp_{context.Threads}threads_ms"] = parallel;
            string line = $"{op.Name,-9} C# 1 thread {single,8:F1} ms   C# {context.Threads} threads {parallel,8:F1} ms";
            if (scipy != null && scipy.TryGetValue(op.ScipyKey, out double reference))
            {
                figures[$"{op.Name}_scipy_ms"] = reference;
                figures[$"{op.Name}_speedup_1thread"] = reference / single;
                line += $"   SciPy {reference,8:F1} ms   speed-up (1 thread) x{reference / single:F2}";
            }
            Console.WriteLine(line);
        }
        if (scipy != null && scipy.TryGetValue("butter_sosfiltfilt_ms", out double sos)) figures["bandpass_scipy_sosfiltfilt_ms"] = sos;

        string notes = $"{records} records x {Leads} leads x {Samples} samples at {SamplingRate} Hz (float32), best of {repeats}; " +
                       "SciPy: resample_poly(x, 25, 36, axis=-1), filtfilt(butter(2, [0.5, 40], fs=360)), filtfilt(iirnotch(50, 30, fs=360)) on the whole array. " + scipyNote;
        Console.WriteLine(notes);
        return new BenchmarkResult(Name, figures, notes);
    }

    private static float[] SyntheticLeads(int rows)
    {
        var random = new Random(42);
        var data = new float[rows * Samples];
        for (int r = 0; r < rows; r++)
            for (int i = 0; i < Samples; i++)
            {
                double t = i / SamplingRate;
                data[r * Samples + i] = (float)(Math.Exp(-0.5 * Math.Pow((t % 0.8 - 0.4) / 0.02, 2)) + 0.4 * Math.Sin(2 * Math.PI * 0.15 * t)
                    + 0.05 * Math.Sin(2 * Math.PI * 50 * t) + 0.02 * (random.NextDouble() - 0.5));
            }
        return data;
    }

    private static Dictionary<string, double>? RunScipy(float[] input, int rows, int repeats, out string note)
    {
        string python = Environment.GetEnvironmentVariable("ERTS_PYTHON") is { Length: > 0 } configured ? configured : "python3";
        string script = Path.Combine(AppContext.BaseDirectory, "Scripts", "dsp_vs_scipy.py");
        string file = Path.Combine(Path.GetTempPath(), $"erts-dsp-{Environment.ProcessId}.f32");
        try
        {
            using (var stream = File.Create(file))
                stream.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(input.AsSpan()));
            var start = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (string argument in new[] { script, file, rows.ToString(), Samples.ToString(), SamplingRate.ToString(), repeats.ToString() })
                start.ArgumentList.Add(argument);
            using var process = Process.Start(start)!;
            string output = process.StandardOutput.ReadToEnd(), error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                note = $"SciPy not measured: '{python}' failed ({error.Trim().Split('\n').LastOrDefault()}); set ERTS_PYTHON to a Python with SciPy.";
                Console.WriteLine(note);
                return null;
            }
            var json = JsonDocument.Parse(output).RootElement;
            note = $"SciPy {json.GetProperty("scipy").GetString()}, NumPy {json.GetProperty("numpy").GetString()} ({python}).";
            return json.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Number).ToDictionary(p => p.Name, p => p.Value.GetDouble());
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            note = $"SciPy not measured: cannot start '{python}' ({e.Message}); set ERTS_PYTHON.";
            Console.WriteLine(note);
            return null;
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static double Best(int repeats, Action action)
    {
        action();   // warm-up (JIT)
        double best = double.MaxValue;
        for (int i = 0; i < repeats; i++)
        {
            var watch = Stopwatch.StartNew();
            action();
            best = Math.Min(best, watch.Elapsed.TotalMilliseconds);
        }
        return best;
    }

    private static int Option(BenchmarkContext context, string name, int fallback)
    {
        int at = context.Arguments.ToList().IndexOf(name);
        return at >= 0 && at + 1 < context.Arguments.Count && int.TryParse(context.Arguments[at + 1], out int value) && value > 0 ? value : fallback;
    }
}
