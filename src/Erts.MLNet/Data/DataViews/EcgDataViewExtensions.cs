using Microsoft.ML;
using Microsoft.ML.Data;

namespace Erts.MLNet.Data.DataViews;

/// <summary>Reads rows of an ECG <see cref="IDataView"/> back into <see cref="EcgExample"/> objects.</summary>
public static class EcgDataViewExtensions
{
    /// <summary>
    /// Materialises up to <paramref name="maxRows"/> rows of a view following the ECG convention (<c>Signal</c>,
    /// <c>Label</c>, <c>RecordId</c>, <c>PatientId</c> as Text, <c>SamplingRate</c>) into a list, reading only those
    /// rows from the source. In a view of whole records (with <c>SignalLength</c>) each example keeps its record's own
    /// length, without the padding. A <c>Rhythm</c> column, when the view has one, comes back as <see cref="EcgExample.Rhythm"/>.
    /// Meant for small sets: tests, inspection, a validation split.
    /// </summary>
    /// <param name="view">The view.</param>
    /// <param name="maxRows">Rows to read at most (default all).</param>
    /// <exception cref="InvalidOperationException">A column is missing or has another type.</exception>
    /// <exception cref="SignalLengthException">A row's <c>SignalLength</c> is outside [1, samples per lead].</exception>
    public static List<EcgExample> ToEcgExamples(this IDataView view, int maxRows = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentOutOfRangeException.ThrowIfNegative(maxRows);
        var shape = EcgSchema.ReadShape(view.Schema);
        var columns = EcgColumns.All.Select(name => RequireColumn(view.Schema, name)).ToArray();
        var lengthColumn = SignalLengthColumn.Find(view.Schema, rule => new InvalidOperationException(rule + "."));

        var examples = new List<EcgExample>();
        var rhythmSlotNames = RhythmColumn.SlotNamesOf(view.Schema);
        DataViewSchema.Column[] active = [.. columns, .. lengthColumn is { } c ? new[] { c } : [], .. rhythmSlotNames is null ? [] : new[] { view.Schema[EcgColumns.Rhythm] }];
        using var cursor = view.GetRowCursor(active);
        var signal = cursor.GetGetter<VBuffer<float>>(columns[0]);
        var label = TextGetter(cursor, columns[1]);
        var recordId = TextGetter(cursor, columns[2]);
        var patientId = TextGetter(cursor, columns[3]);
        var rate = cursor.GetGetter<float>(columns[4]);
        var rhythm = RhythmGetter(cursor, rhythmSlotNames);
        var length = lengthColumn is { } l ? cursor.GetGetter<int>(l) : null;

        VBuffer<float> values = default;
        float samplingRate = 0;
        int samples = shape.Samples;
        while (examples.Count < maxRows && cursor.MoveNext())
        {
            signal(ref values);
            rate(ref samplingRate);
            length?.Invoke(ref samples);
            SignalLengthColumn.Check(samples, shape.Samples, EcgColumns.Signal, cursor.Position, nameof(ToEcgExamples));
            string patient = patientId();
            examples.Add(new EcgExample(recordId(), patient.Length == 0 ? null : patient, Unpadded(values, shape, samples),
                shape.Leads, samplingRate, label(), shape.LeadNames) { Rhythm = rhythm?.Invoke() });
        }
        return examples;
    }

    private static float[] Unpadded(VBuffer<float> values, EcgSignalShape shape, int samples)
    {
        float[] dense = values.DenseValues().ToArray();
        if (samples == shape.Samples) return dense;
        var record = new float[shape.Leads * samples];
        for (int lead = 0; lead < shape.Leads; lead++)
            dense.AsSpan(lead * shape.Samples, samples).CopyTo(record.AsSpan(lead * samples));
        return record;
    }

    private static DataViewSchema.Column RequireColumn(DataViewSchema schema, string name) =>
        schema.GetColumnOrNull(name) ?? throw new InvalidOperationException($"The view has no '{name}' column (ECG convention).");

    private static Func<FeatureVector>? RhythmGetter(DataViewRowCursor cursor, IReadOnlyList<string>? slotNames)
    {
        if (slotNames is null) return null;
        var getter = cursor.GetGetter<VBuffer<float>>(cursor.Schema[EcgColumns.Rhythm]);
        return () =>
        {
            VBuffer<float> values = default;
            getter(ref values);
            return new FeatureVector(slotNames, values.DenseValues().ToArray());
        };
    }

    private static Func<string> TextGetter(DataViewRowCursor cursor, DataViewSchema.Column column)
    {
        if (column.Type is not TextDataViewType)
            throw new InvalidOperationException($"Column '{column.Name}' must be Text; it is {column.Type}.");
        var getter = cursor.GetGetter<ReadOnlyMemory<char>>(column);
        return () =>
        {
            ReadOnlyMemory<char> value = default;
            getter(ref value);
            return value.ToString();
        };
    }
}
