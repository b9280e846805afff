using Microsoft.ML;
using Microsoft.ML.Data;

namespace Erts.MLNet.Data.DataViews;

/// <summary>Reads rows of an ECG <see cref="IDataView"/> back into <see cref="EcgExample"/> objects.</summary>
public static class EcgDataViewExtensions
{
    /// <summary>
    /// Materialises up to <paramref name="maxRows"/> rows of a view following the ECG convention (<c>Signal</c>,
    /// <c>Label</c>, <c>RecordId</c>, <c>PatientId</c> as Text, <c>SamplingRate</c>) into a list, reading only those
    /// rows from the source. Meant for small sets: tests, inspection, a validation split. A <c>Rhythm</c> column, when
    /// the view has one, comes back as <see cref="EcgExample.Rhythm"/>.
    /// </summary>
    /// <param name="view">The view.</param>
    /// <param name="maxRows">Rows to read at most (default all).</param>
    /// <exception cref="InvalidOperationException">A column is missing or has another type.</exception>
    public static List<EcgExample> ToEcgExamples(this IDataView view, int maxRows = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentOutOfRangeException.ThrowIfNegative(maxRows);
        var shape = EcgSchema.ReadShape(view.Schema);
        var columns = EcgColumns.All.Select(name => RequireColumn(view.Schema, name)).ToArray();

        var examples = new List<EcgExample>();
        var rhythmSlotNames = RhythmColumn.SlotNamesOf(view.Schema);
        using var cursor = view.GetRowCursor(rhythmSlotNames is null ? columns : [.. columns, view.Schema[EcgColumns.Rhythm]]);
        var signal = cursor.GetGetter<VBuffer<float>>(columns[0]);
        var label = TextGetter(cursor, columns[1]);
        var recordId = TextGetter(cursor, columns[2]);
        var patientId = TextGetter(cursor, columns[3]);
        var rate = cursor.GetGetter<float>(columns[4]);
        var rhythm = RhythmGetter(cursor, rhythmSlotNames);

        VBuffer<float> values = default;
        float samplingRate = 0;
        while (examples.Count < maxRows && cursor.MoveNext())
        {
            signal(ref values);
            rate(ref samplingRate);
            string patient = patientId();
            examples.Add(new EcgExample(recordId(), patient.Length == 0 ? null : patient, values.DenseValues().ToArray(),
                shape.Leads, samplingRate, label(), shape.LeadNames) { Rhythm = rhythm?.Invoke() });
        }
        return examples;
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
