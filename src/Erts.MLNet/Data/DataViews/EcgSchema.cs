using Microsoft.ML;
using Microsoft.ML.Data;

namespace Erts.MLNet.Data.DataViews;

/// <summary>
/// Builds and reads the schema of the ECG <see cref="IDataView"/> convention (see <see cref="EcgColumns"/>).
/// </summary>
public static class EcgSchema
{
    /// <summary>
    /// The schema of a dataset view: <c>Signal</c> (<c>Vector&lt;Single, leads, samples&gt;</c> with <c>LeadNames</c>
    /// and <c>SamplingRate</c> annotations), <c>Label</c>, <c>RecordId</c>, <c>PatientId</c> (Text) and
    /// <c>SamplingRate</c> (Single); then, for whole records of different lengths (<see cref="EcgSignalShape.VariableLength"/>),
    /// <c>SignalLength</c> (Int32).
    /// </summary>
    /// <param name="shape">Leads, samples, lead names and sampling rate of the signal.</param>
    public static DataViewSchema Create(EcgSignalShape shape) => Create(shape, rhythmSlotNames: null);

    /// <summary>
    /// The schema of a dataset view as <see cref="Create(EcgSignalShape)"/>, followed by a <c>Rhythm</c> column
    /// (<c>Vector&lt;Single, k&gt;</c> with a <c>SlotNames</c> annotation) when <paramref name="rhythmSlotNames"/> is given.
    /// </summary>
    /// <param name="shape">Leads, samples, lead names and sampling rate of the signal.</param>
    /// <param name="rhythmSlotNames">The k names of the rhythm values (e.g. <see cref="Datasets.BeatRhythm.SlotNames"/>); null for no rhythm column.</param>
    /// <exception cref="ArgumentException"><paramref name="rhythmSlotNames"/> is empty.</exception>
    public static DataViewSchema Create(EcgSignalShape shape, IReadOnlyList<string>? rhythmSlotNames)
    {
        ArgumentNullException.ThrowIfNull(shape);
        if (rhythmSlotNames is { Count: 0 }) throw new ArgumentException("A rhythm column needs at least one slot.", nameof(rhythmSlotNames));
        var builder = new DataViewSchema.Builder();
        builder.AddColumn(EcgColumns.Signal, SignalType(shape), SignalAnnotations(shape));
        builder.AddColumn(EcgColumns.Label, TextDataViewType.Instance);
        builder.AddColumn(EcgColumns.RecordId, TextDataViewType.Instance);
        builder.AddColumn(EcgColumns.PatientId, TextDataViewType.Instance);
        builder.AddColumn(EcgColumns.SamplingRate, NumberDataViewType.Single);
        if (shape.VariableLength) builder.AddColumn(EcgColumns.SignalLength, NumberDataViewType.Int32);
        if (rhythmSlotNames != null) RhythmColumn.Add(builder, rhythmSlotNames);
        return builder.ToSchema();
    }

    /// <summary>The type of the <c>Signal</c> column: a known-size 2-D <c>Single</c> vector, leads x samples.</summary>
    /// <param name="shape">Leads and samples.</param>
    public static VectorDataViewType SignalType(EcgSignalShape shape) => SignalColumn.Of(shape).Type;

    /// <summary>The <c>LeadNames</c> and <c>SamplingRate</c> annotations a <c>Signal</c> column carries.</summary>
    /// <param name="shape">Lead names and sampling rate.</param>
    public static DataViewSchema.Annotations SignalAnnotations(EcgSignalShape shape) => SignalColumn.Of(shape).Annotations();

    /// <summary>
    /// Reads the shape of a signal column back from its type and annotations; it has
    /// <see cref="EcgSignalShape.VariableLength"/> when the schema has a <c>SignalLength</c> column.
    /// </summary>
    /// <param name="schema">A schema holding the signal column.</param>
    /// <param name="signalColumnName">Name of the signal column (default <c>Signal</c>).</param>
    /// <exception cref="ArgumentOutOfRangeException">The column is absent.</exception>
    /// <exception cref="InvalidOperationException">
    /// The column is not a known-size 2-D <c>Single</c> vector, or it lacks the <c>LeadNames</c> or
    /// <c>SamplingRate</c> annotation (or has one of another type), or the <c>SignalLength</c> column is not Int32.
    /// </exception>
    public static EcgSignalShape ReadShape(DataViewSchema schema, string signalColumnName = EcgColumns.Signal)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var column = schema.GetColumnOrNull(signalColumnName)
            ?? throw new ArgumentOutOfRangeException(nameof(signalColumnName), signalColumnName, $"The schema has no column '{signalColumnName}'.");
        static InvalidOperationException Reject(string rule) => new($"Reading the ECG signal shape: {rule}.");

        var signal = SignalColumn.Read(column, Reject);
        return new EcgSignalShape(signal.Leads, signal.Samples,
            signal.LeadNames ?? throw Reject($"column '{signalColumnName}' has no '{EcgColumns.LeadNamesAnnotation}' annotation"),
            signal.SamplingRate ?? throw Reject($"column '{signalColumnName}' has no '{EcgColumns.SamplingRateAnnotation}' annotation"))
        {
            VariableLength = SignalLengthColumn.Find(schema, Reject) != null,
        };
    }
}
