using Erts.MLNet.Data;
using Erts.MLNet.Data.DataViews;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Erts.MLNet.Tests.Transforms;

/// <summary>Small in-memory ECG views following the IDataView convention (2-D Signal with LeadNames and SamplingRate).</summary>
internal static class EcgTestData
{
    public sealed class Row
    {
        public float[] Signal { get; set; } = [];
        public string Label { get; set; } = "";
    }

    public static readonly string[] ThreeLeads = ["I", "II", "V1"];

    public const string ThreeLeadNames = "I,II,V1";

    /// <summary>A view of <paramref name="rows"/>; leave the rate or names null to omit that annotation.</summary>
    public static IDataView View(MLContext mlContext, IEnumerable<Row> rows, int leads, int length, float? samplingRate, string[]? leadNames) =>
        mlContext.Data.LoadFromEnumerable(rows, Definition(leads, length, samplingRate, leadNames));

    /// <summary>The schema definition giving <see cref="Row.Signal"/> its 2-D type and annotations (also for a PredictionEngine).</summary>
    public static SchemaDefinition Definition(int leads, int length, float? samplingRate, string[]? leadNames) =>
        Definition<Row>(leads, length, samplingRate, leadNames);

    /// <summary>The same for any row class with a <c>float[] Signal</c> property.</summary>
    public static SchemaDefinition Definition<TRow>(int leads, int length, float? samplingRate, string[]? leadNames)
    {
        var definition = SchemaDefinition.Create(typeof(TRow));
        var signal = definition[nameof(Row.Signal)];
        signal.ColumnType = new VectorDataViewType(NumberDataViewType.Single, leads, length);
        if (leadNames != null)
            signal.AddAnnotation("LeadNames", new VBuffer<ReadOnlyMemory<char>>(leads, leadNames.Select(n => n.AsMemory()).ToArray()),
                new VectorDataViewType(TextDataViewType.Instance, leads));
        if (samplingRate is { } rate)
            signal.AddAnnotation("SamplingRate", rate, NumberDataViewType.Single);
        return definition;
    }

    /// <summary>Rows of two classes told apart by the frequency of lead II: "slow" 2 Hz, "fast" 6 Hz, plus noise and offsets.</summary>
    public static IDataView Synthetic(MLContext mlContext, int rows, int length = 720, float samplingRate = 360, int seed = 1)
    {
        var random = new Random(seed);
        var list = new List<Row>();
        for (int r = 0; r < rows; r++)
        {
            bool fast = r % 2 == 1;
            var signal = new float[ThreeLeads.Length * length];
            for (int lead = 0; lead < ThreeLeads.Length; lead++)
            {
                double offset = random.NextDouble() - 0.5;
                for (int i = 0; i < length; i++)
                {
                    double t = i / (double)samplingRate;
                    double wave = lead == 1 ? Math.Sin(2 * Math.PI * (fast ? 6 : 2) * t) : 0.3 * Math.Sin(2 * Math.PI * 1.1 * t);
                    signal[lead * length + i] = (float)(offset + wave + 0.05 * (random.NextDouble() - 0.5) + 0.1 * Math.Sin(2 * Math.PI * 50 * t));
                }
            }
            list.Add(new Row { Signal = signal, Label = fast ? "fast" : "slow" });
        }
        return View(mlContext, list, ThreeLeads.Length, length, samplingRate, ThreeLeads);
    }

    /// <summary>
    /// <see cref="Synthetic"/>'s rows as a dataset view (<see cref="EcgDataView"/>): with the <c>RecordId</c>,
    /// <c>PatientId</c> and per-row <c>SamplingRate</c> columns of the convention.
    /// </summary>
    public static EcgDataView DatasetView(MLContext mlContext, int rows, int length = 720, float samplingRate = 360)
    {
        var synthetic = Synthetic(mlContext, rows, length, samplingRate);
        var labels = synthetic.GetColumn<ReadOnlyMemory<char>>(nameof(Row.Label)).Select(l => l.ToString()).ToArray();
        var examples = Signals(synthetic)
            .Select((signal, i) => new EcgExample($"rec-{i}", null, signal, ThreeLeads.Length, samplingRate, labels[i], ThreeLeads))
            .ToList();
        return EcgDataView.FromList(examples);
    }

    /// <summary>
    /// <see cref="Synthetic"/>'s rows (3 leads, 360 Hz) cut to <paramref name="lengths"/> samples per lead: whole records
    /// of different lengths, each example unpadded. <c>EcgDataView.FromList</c> makes them a view with <c>SignalLength</c>.
    /// </summary>
    public static List<EcgExample> Records(MLContext mlContext, params int[] lengths)
    {
        int longest = lengths.Max();
        var signals = Signals(Synthetic(mlContext, lengths.Length, longest));
        return lengths.Select((length, i) => new EcgExample($"rec-{i}", null, Cut(signals[i], ThreeLeads.Length, longest, length),
            ThreeLeads.Length, 360, i % 2 == 1 ? "fast" : "slow", ThreeLeads)).ToList();
    }

    /// <summary>The first <paramref name="length"/> samples of each lead of a lead-major signal of <paramref name="samples"/> per lead.</summary>
    public static float[] Cut(float[] leadMajor, int leads, int samples, int length) =>
        Enumerable.Range(0, leads).SelectMany(lead => leadMajor.Skip(lead * samples).Take(length)).ToArray();

    /// <summary>The per-row <c>SignalLength</c> column.</summary>
    public static int[] Lengths(IDataView view) => view.GetColumn<int>(EcgColumns.SignalLength).ToArray();

    /// <summary>One row of <paramref name="leads"/> leads whose sample i of lead l is <c>100 l + i</c>.</summary>    /// <summary>One row of <paramref name="leads"/> leads whose sample i of lead l is <c>100 l + i</c>.</summary>
    public static IDataView Ramp(MLContext mlContext, int leads, int length, float? samplingRate = 360, string[]? leadNames = null)
    {
        var signal = new float[leads * length];
        for (int lead = 0; lead < leads; lead++)
            for (int i = 0; i < length; i++) signal[lead * length + i] = 100 * lead + i;
        return View(mlContext, [new Row { Signal = signal, Label = "x" }], leads, length, samplingRate, leadNames ?? ThreeLeads[..leads]);
    }

    /// <summary>The signal column's values, one array per row.</summary>
    public static float[][] Signals(IDataView view, string column = "Signal") =>
        view.GetColumn<VBuffer<float>>(view.Schema[column]).Select(v => v.DenseValues().ToArray()).ToArray();

    /// <summary>Leads, samples, <c>SamplingRate</c> annotation and comma-joined <c>LeadNames</c> of a signal column.</summary>
    public static (int Leads, int Length, float? Rate, string? Names) Shape(DataViewSchema schema, string column = "Signal")
    {
        var signal = SignalColumn.Read(schema[column], rule => new InvalidOperationException(rule));
        return (signal.Leads, signal.Samples, signal.SamplingRate, signal.LeadNames is { } names ? string.Join(",", names) : null);
    }
}
