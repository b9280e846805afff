using System.Diagnostics;
using Erts.MLNet.Catalog;
using Erts.MLNet.Data.DataViews;
using Erts.MLNet.Data.Synthetic;
using Erts.MLNet.Networks;
using Erts.MLNet.Training;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Erts.Benchmarks;

/// <summary>
/// Rows per second of scoring with a trained ERTS model behind a realistic preprocessing chain, and how much of that
/// time the chain takes: 12-lead synthetic ECGs of 10 s at 500 Hz (generated on every cursor, as a loader parses its
/// files) -> band-pass 0.5-40 Hz -> resample to 100 Hz (12 x 1000) -> per-lead z-score -> the ERTS transformer.
/// </summary>
/// <remarks>
/// <para>Measures, each repeated (median kept), in turn so that load from other processes hits them alike: the loader
/// alone and the preprocessing chain alone (cursors reading Signal), the network alone (the same model over a
/// cached, already-preprocessed view), the whole chain read through <c>Transform</c> + a cursor (Label, Score and
/// PredictedLabel of every row; then also the preprocessed Signal, as a consumer that keeps it with its prediction
/// would), and <c>MulticlassClassification.Evaluate</c> of the whole chain.</para>
/// <para>Per measure: rows/s; <c>loads_per_row</c>, the records the loader generated per row (1 is the minimum: a
/// scoring cursor that opens a second input cursor makes the loader generate every record twice); for the scoring
/// measures, <c>upstream_share</c> = (time - network alone) / time, the part that is not the network.</para>
/// <para>Options: <c>--rows N</c> (500 scored rows), <c>--backbone NAME</c> (ResNet1d), <c>--repeats N</c> (3).
/// The model is trained for one epoch on 40 other generated rows: its accuracy is irrelevant, its cost is not.</para>
/// </remarks>
public sealed class ScoringThroughputBenchmark : IBenchmark
{
    private const float RawRate = 500f;
    private const float NetworkRate = 100f;

    /// <inheritdoc />
    public string Name => "scoring-throughput";

    /// <inheritdoc />
    public string Description => "rows/s of Transform + cursor and Evaluate through a filter/resample/z-score chain, and the chain's share";

    /// <inheritdoc />
    public BenchmarkResult Run(BenchmarkContext context)
    {
        var options = new BenchmarkOptions(context.Arguments);
        int rows = options.Int("--rows", 500), repeats = options.Int("--repeats", 3);
        var backbone = options.Choice("--backbone", Backbone.ResNet1d);

        var mlContext = new MLContext(seed: 1);
        var preprocessing = mlContext.Transforms.Ecg.BandPass(0.5, 40)
            .Append(mlContext.Transforms.Ecg.Resample(NetworkRate))
            .Append(mlContext.Transforms.Ecg.NormalizeLeads())
            .Append(mlContext.Transforms.Conversion.MapValueToKey("Label"));
        var trainingRows = Generate(examplesPerClass: 8, seed: 7);
        var chain = preprocessing.Fit(trainingRows);
        using var model = Train(mlContext, chain.Transform(trainingRows), backbone, context.Threads);

        var generator = new SyntheticEcgGenerator(Options(Math.Max(1, rows / Enum.GetValues<SyntheticEcgClass>().Length), seed: 11));
        long loaded = 0;
        var scoredRows = EcgDataView.Create(() => generator.Examples().Select(example => { Interlocked.Increment(ref loaded); return example; }), generator.Shape, generator.Count);
        int count = generator.Count;
        var preprocessed = chain.Transform(scoredRows);
        var cached = mlContext.Data.Cache(preprocessed);
        ReadAll(cached, cached.Schema[EcgColumns.Signal], cached.Schema["Label"]);  // fills the cache
        var whole = chain.Append(model);

        var measures = new (string Name, Action Call)[]
        {
            ("loader_alone", () => ReadAll(scoredRows, scoredRows.Schema[EcgColumns.Signal])),
            ("preprocessing_alone", () => ReadAll(preprocessed, preprocessed.Schema[EcgColumns.Signal])),
            ("network_alone", () => ReadScores(model.Transform(cached))),
            ("transform_cursor", () => ReadScores(whole.Transform(scoredRows))),
            ("transform_cursor_with_signal", () => ReadScores(whole.Transform(scoredRows), EcgColumns.Signal)),
            ("evaluate", () => mlContext.MulticlassClassification.Evaluate(whole.Transform(scoredRows))),
        };
        var (seconds, loads) = MedianSeconds(measures, repeats, () => Interlocked.Exchange(ref loaded, 0));

        double network = seconds["network_alone"];
        var figures = new Dictionary<string, double> { ["rows"] = count };
        Console.WriteLine($"{count} rows, 12 x 5000 @ {RawRate} Hz -> 12 x 1000 @ {NetworkRate} Hz, {backbone}, threads={context.Threads}, median of {repeats}:");
        foreach (var (name, value) in seconds)
        {
            figures[name + "_rows_per_s"] = count / value;
            figures[name + "_loads_per_row"] = (double)loads[name] / count;
            bool scoresRows = name.StartsWith("transform", StringComparison.Ordinal) || name == "evaluate";
            if (scoresRows) figures[name + "_upstream_share"] = (value - network) / value;
            Console.WriteLine($"  {name,-30} {count / value,8:F1} rows/s ({value:F2} s), {(double)loads[name] / count:F2} loads per row" +
                              (scoresRows ? $", {(value - network) / value,4:P0} of the time is not the network" : ""));
        }
        return new BenchmarkResult(Name, figures,
            $"SyntheticEcgGenerator 12 leads x 10 s @ {RawRate} Hz -> BandPass(0.5, 40) -> Resample({NetworkRate}) -> NormalizeLeads -> MapValueToKey(Label) -> " +
            $"ERTS {backbone} (1 epoch on 40 rows); {count} scored rows; {repeats} rounds calling each measure once in turn, median per measure; " +
            "loads_per_row = records the loader generated per row; upstream_share = (time - network_alone) / time; " +
            "transform_cursor reads Label, Score, PredictedLabel; _with_signal also reads the preprocessed Signal.");

        IDataView Generate(int examplesPerClass, int seed) => new SyntheticEcgGenerator(Options(examplesPerClass, seed)).CreateDataView();
    }

    private static SyntheticEcgOptions Options(int examplesPerClass, int seed) =>
        new() { SamplingRate = RawRate, ExamplesPerClass = examplesPerClass, Seed = seed };

    private static ErtsTransformer Train(MLContext mlContext, IDataView data, Backbone backbone, int threads)
    {
        var trainer = mlContext.MulticlassClassification.Trainers.Erts(new ErtsTrainer.Options
        {
            Network = backbone,
            SelectionPolicy = "full",
            Epochs = 1,
            WarmupEpochs = 0,
            CamDelayEpochs = 0,
            RevisionStartEpoch = ErtsTrainer.Options.RevisionLastEpochOnly,
            BatchSize = 16,
            Threads = threads,
        });
        return trainer.Fit(data);
    }

    /// <summary>Median seconds of each measure, and the loader's record count of its last call (the same every call).</summary>
    private static (Dictionary<string, double> Seconds, Dictionary<string, long> Loads) MedianSeconds(
        IReadOnlyList<(string Name, Action Call)> measures, int repeats, Func<long> takeLoadCount)
    {
        var samples = measures.ToDictionary(measure => measure.Name, _ => new List<double>());
        var loads = new Dictionary<string, long>();
        for (int round = -1; round < repeats; round++)  // round -1 warms up (JIT, allocator, libtorch kernels)
            foreach (var (name, call) in measures)
            {
                takeLoadCount();
                var clock = Stopwatch.StartNew();
                call();
                if (round >= 0) samples[name].Add(clock.Elapsed.TotalSeconds);
                loads[name] = takeLoadCount();
            }
        return (measures.ToDictionary(measure => measure.Name, measure => RunStatistics.Median(samples[measure.Name])), loads);
    }

    /// <summary>Label, Score and PredictedLabel of every row, as a consumer of predictions reads them, plus <paramref name="others"/>.</summary>
    private static void ReadScores(IDataView scored, params string[] others) =>
        ReadAll(scored, [.. new[] { "Label", "Score", "PredictedLabel" }.Concat(others).Select(name => scored.Schema[name])]);

    private static void ReadAll(IDataView view, params DataViewSchema.Column[] columns)
    {
        using var cursor = view.GetRowCursor(columns);
        var readers = columns.Select(column => Reader(cursor, column)).ToList();
        while (cursor.MoveNext())
            foreach (var read in readers) read();
    }

    private static Action Reader(DataViewRowCursor cursor, DataViewSchema.Column column) => column.Type switch
    {
        KeyDataViewType => Reader<uint>(cursor, column),
        VectorDataViewType => Reader<VBuffer<float>>(cursor, column),
        _ => throw new ArgumentException($"Column '{column.Name}' of type {column.Type} is not read by this benchmark."),
    };

    private static Action Reader<T>(DataViewRowCursor cursor, DataViewSchema.Column column)
    {
        var getter = cursor.GetGetter<T>(column);
        T value = default!;
        return () => getter(ref value);
    }
}
