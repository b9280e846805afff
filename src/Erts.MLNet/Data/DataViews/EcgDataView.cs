using Microsoft.ML;

namespace Erts.MLNet.Data.DataViews;

/// <summary>
/// A lazy <see cref="IDataView"/> over any re-enumerable source of <see cref="EcgExample"/>: each cursor enumerates
/// the source afresh and reads one example per row, so a dataset larger than memory streams through.
/// </summary>
/// <remarks>
/// <para>Columns (see <see cref="EcgColumns"/>): <c>Signal</c> <c>Vector&lt;Single, leads, samples&gt;</c> in mV,
/// lead-major, annotated with <c>LeadNames</c> and <c>SamplingRate</c>; <c>Label</c>, <c>RecordId</c>,
/// <c>PatientId</c> (Text, empty when unknown); <c>SamplingRate</c> (Single, Hz); and, when the source carries one,
/// <c>Rhythm</c> (<c>Vector&lt;Single, k&gt;</c> with slot names, <see cref="EcgExample.Rhythm"/>).</para>
/// <para>With a <see cref="EcgSignalShape.VariableLength"/> shape the view holds whole records of different lengths:
/// <c>Signal</c> has the shape's (maximum) length, each shorter record is zero-padded at the end, and an Int32
/// <c>SignalLength</c> column gives the samples per lead that are the record. The examples keep their own length; the
/// view pads them as rows are read.</para>
/// <para>Every example is checked against the declared shape when the cursor reaches it; one that does not fit raises
/// <see cref="EcgShapeException"/> naming the record. Rows come in source order (shuffling is not supported:
/// <see cref="CanShuffle"/> is false; cache the view and shuffle downstream if needed).</para>
/// </remarks>
public sealed partial class EcgDataView : IDataView
{
    private readonly Func<IEnumerable<EcgExample>> _source;
    private readonly long? _rowCount;

    private EcgDataView(Func<IEnumerable<EcgExample>> source, EcgSignalShape shape, long? rowCount, IReadOnlyList<string>? rhythmSlotNames)
    {
        _source = source;
        _rowCount = rowCount;
        Shape = shape;
        RhythmSlotNames = rhythmSlotNames?.ToArray();
        Schema = EcgSchema.Create(shape, RhythmSlotNames);
    }

    /// <summary>Creates a lazy view over a source enumerated once per cursor.</summary>
    /// <param name="source">Returns a fresh enumeration of the examples each time it is called.</param>
    /// <param name="leads">Leads of every example, at least 1.</param>
    /// <param name="samples">Samples per lead of every example, at least 1.</param>
    /// <param name="leadNames">One name per lead, in signal order.</param>
    /// <param name="samplingRate">Samples per second per lead of every example (Hz).</param>
    /// <param name="rowCount">Number of examples when known (reported by <see cref="GetRowCount"/>), else null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count or the rate is not positive.</exception>
    /// <exception cref="ArgumentException"><paramref name="leadNames"/> does not have one name per lead.</exception>
    public static EcgDataView Create(Func<IEnumerable<EcgExample>> source, int leads, int samples,
        IReadOnlyList<string> leadNames, float samplingRate, long? rowCount = null) =>
        Create(source, new EcgSignalShape(leads, samples, leadNames, samplingRate), rowCount);

    /// <summary>Creates a lazy view over a source enumerated once per cursor.</summary>
    /// <param name="source">Returns a fresh enumeration of the examples each time it is called.</param>
    /// <param name="shape">The shape every example has.</param>
    /// <param name="rowCount">Number of examples when known, else null.</param>
    /// <param name="rhythmSlotNames">
    /// Names of the rhythm values every example carries (<see cref="EcgExample.Rhythm"/>), which adds the <c>Rhythm</c>
    /// column; null (default) for none.
    /// </param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rowCount"/> is negative.</exception>
    /// <exception cref="ArgumentException"><paramref name="rhythmSlotNames"/> is empty.</exception>
    public static EcgDataView Create(Func<IEnumerable<EcgExample>> source, EcgSignalShape shape, long? rowCount = null,
        IReadOnlyList<string>? rhythmSlotNames = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(shape);
        if (rowCount < 0) throw new ArgumentOutOfRangeException(nameof(rowCount), rowCount, "The row count cannot be negative.");
        return new EcgDataView(source, shape, rowCount, rhythmSlotNames);
    }

    /// <summary>
    /// Creates a view over examples held in memory; the row count is known. Unless given, the shape is the first
    /// example's, up to the longest example's length when lengths differ (<see cref="EcgSignalShape.Enclosing"/>);
    /// every example is checked against it now. The view has a <c>Rhythm</c> column when the first example carries a
    /// rhythm vector.
    /// </summary>
    /// <param name="examples">The examples (not copied).</param>
    /// <param name="shape">The shape every example has; null to infer it from the examples.</param>
    /// <exception cref="ArgumentException"><paramref name="examples"/> is empty and no shape is given.</exception>
    /// <exception cref="EcgShapeException">An example does not have the shape.</exception>
    public static EcgDataView FromList(IReadOnlyList<EcgExample> examples, EcgSignalShape? shape = null)
    {
        ArgumentNullException.ThrowIfNull(examples);
        shape ??= EcgSignalShape.Enclosing(examples);
        var rhythmSlotNames = examples.Count > 0 ? examples[0].Rhythm?.SlotNames : null;
        foreach (var example in examples)
        {
            shape.Check(example);
            RhythmColumn.Check(example, rhythmSlotNames);
        }
        return new EcgDataView(() => examples, shape, examples.Count, rhythmSlotNames);
    }

    /// <summary>The shape of every row's signal.</summary>
    public EcgSignalShape Shape { get; }

    /// <summary>Names of the <c>Rhythm</c> column's values, or null when the view has no such column.</summary>
    public IReadOnlyList<string>? RhythmSlotNames { get; }

    /// <inheritdoc />
    public DataViewSchema Schema { get; }

    /// <summary>False: rows come in source order.</summary>
    public bool CanShuffle => false;

    /// <summary>The number of rows when it was given or is known (in-memory list), else null.</summary>
    public long? GetRowCount() => _rowCount;

    /// <summary>A cursor that enumerates the source once, in order.</summary>
    /// <param name="columnsNeeded">The columns whose getters will be asked for.</param>
    /// <param name="rand">Ignored: this view cannot shuffle.</param>
    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) =>
        new Cursor(this, columnsNeeded);

    /// <summary>One cursor (the source is a single sequential stream), whatever <paramref name="n"/> asks.</summary>
    /// <param name="columnsNeeded">The columns whose getters will be asked for.</param>
    /// <param name="n">Suggested number of cursors; ignored.</param>
    /// <param name="rand">Ignored: this view cannot shuffle.</param>
    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [GetRowCursor(columnsNeeded, rand)];
}
