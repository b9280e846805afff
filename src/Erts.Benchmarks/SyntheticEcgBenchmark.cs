using System.Diagnostics;
using Erts.MLNet.Data.DataViews;
using Erts.MLNet.Data.Synthetic;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Erts.Benchmarks;

/// <summary>
/// Records per second of the synthetic ECG generator (default options: 12 leads x 2500 samples at 250 Hz, all
/// noises on), alone and read through its IDataView cursor. One managed thread.
/// Options: <c>--records N</c> (default 5000).
/// </summary>
public sealed class SyntheticEcgBenchmark : IBenchmark
{
    /// <inheritdoc />
    public string Name => "synthetic-ecg";

    /// <inheritdoc />
    public string Description => "synthetic ECG generation: records/s, 12 x 2500 @ 250 Hz, alone and via IDataView";

    /// <inheritdoc />
    public BenchmarkResult Run(BenchmarkContext context)
    {
        int at = context.Arguments.ToList().IndexOf("--records");
        int records = at >= 0 ? int.Parse(context.Arguments[at + 1]) : 5000;
        var options = new SyntheticEcgOptions { ExamplesPerClass = records / 5 };
        var generator = new SyntheticEcgGenerator(options);

        // Warm-up: JIT and the Gaussian table.
        _ = generator.GenerateAll().Take(50).Count();

        var watch = Stopwatch.StartNew();
        long values = 0;
        foreach (var record in generator.GenerateAll()) values += record.Example.Signal.Length;
        double generateSeconds = watch.Elapsed.TotalSeconds;

        var view = generator.CreateDataView();
        watch.Restart();
        using (var cursor = view.GetRowCursor(view.Schema))
        {
            var signal = cursor.GetGetter<VBuffer<float>>(view.Schema[EcgColumns.Signal]);
            VBuffer<float> buffer = default;
            while (cursor.MoveNext()) signal(ref buffer);
        }
        double viewSeconds = watch.Elapsed.TotalSeconds;

        var figures = new Dictionary<string, double>
        {
            ["records"] = generator.Count,
            ["generate_records_per_s"] = generator.Count / generateSeconds,
            ["dataview_records_per_s"] = generator.Count / viewSeconds,
            ["generate_Msamples_per_s"] = values / generateSeconds / 1e6,
        };
        foreach (var (key, value) in figures) Console.WriteLine($"{key,-26} {value,12:F1}");
        return new BenchmarkResult(Name, figures,
            $"SyntheticEcgGenerator default options ({generator.Shape.Leads} leads x {generator.Shape.Samples} samples @ {generator.Shape.SamplingRate} Hz, noise on), single managed thread, Release.");
    }
}
