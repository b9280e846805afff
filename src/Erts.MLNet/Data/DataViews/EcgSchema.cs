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
    /// <c>SamplingRate</c> (Single).
    /// </summary>
    /// <param name="shape">Leads, samples, lead names and sampling rate of the signal.</param>
    public static DataViewSchema Create(EcgSignalShape shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var builder = new DataViewSchema.Builder();
        builder.AddColumn(EcgColumns.Signal, SignalType(shape), SignalAnnotations(shape));
        builder.AddColumn(EcgColumns.Label, TextDataViewType.Instance);
        builder.AddColumn(EcgColumns.RecordId, TextDataViewType.Instance);
        builder.AddColumn(EcgColumns.PatientId, TextDataViewType.Instance);
        builder.AddColumn(EcgColumns.SamplingRate, NumberDataViewType.Single);
        return builder.ToSchema();
    }

    /// <summary>The type of the <c>Signal</c> column: a known-size 2-D <c>Single</c> vector, leads x samples.</summary>
    /// <param name="shape">Leads and samples.</param>
    public static VectorDataViewType SignalType(EcgSignalShape shape) =>
        new(NumberDataViewType.Single, shape.Leads, shape.Samples);

    /// <summary>The <c>LeadNames</c> and <c>SamplingRate</c> annotations a <c>Signal</c> column carries.</summary>
    /// <param name="shape">Lead names and sampling rate.</param>
    public static DataViewSchema.Annotations SignalAnnotations(EcgSignalShape shape)
    {
        var names = shape.LeadNames.Select(n => n.AsMemory()).ToArray();
        var annotations = new DataViewSchema.Annotations.Builder();
        annotations.Add(EcgColumns.LeadNamesAnnotation, new VectorDataViewType(TextDataViewType.Instance, shape.Leads),
            (ref VBuffer<ReadOnlyMemory<char>> value) => value = new VBuffer<ReadOnlyMemory<char>>(names.Length, names));
        annotations.Add(EcgColumns.SamplingRateAnnotation, NumberDataViewType.Single,
            (ref float value) => value = shape.SamplingRate);
        return annotations.ToAnnotations();
    }

    /// <summary>
    /// Reads the shape of a signal column back from its type and annotations.
    /// </summary>
    /// <param name="schema">A schema holding the signal column.</param>
    /// <param name="signalColumnName">Name of the signal column (default <c>Signal</c>).</param>
    /// <exception cref="ArgumentOutOfRangeException">The column is absent.</exception>
    /// <exception cref="InvalidOperationException">
    /// The column is not a known-size 2-D <c>Single</c> vector, or it lacks the <c>LeadNames</c> or
    /// <c>SamplingRate</c> annotation.
    /// </exception>
    public static EcgSignalShape ReadShape(DataViewSchema schema, string signalColumnName = EcgColumns.Signal)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var column = schema.GetColumnOrNull(signalColumnName)
            ?? throw new ArgumentOutOfRangeException(nameof(signalColumnName), signalColumnName, $"The schema has no column '{signalColumnName}'.");
        if (column.Type is not VectorDataViewType { ItemType: NumberDataViewType itemType } vector
            || itemType.RawType != typeof(float) || vector.Dimensions.Length != 2 || !vector.IsKnownSize)
            throw new InvalidOperationException(
                $"Column '{signalColumnName}' must be a known-size 2-D Single vector (leads x samples); it is {column.Type}.");

        var annotations = column.Annotations;
        if (annotations.Schema.GetColumnOrNull(EcgColumns.LeadNamesAnnotation) == null)
            throw new InvalidOperationException($"Column '{signalColumnName}' has no '{EcgColumns.LeadNamesAnnotation}' annotation.");
        if (annotations.Schema.GetColumnOrNull(EcgColumns.SamplingRateAnnotation) == null)
            throw new InvalidOperationException($"Column '{signalColumnName}' has no '{EcgColumns.SamplingRateAnnotation}' annotation.");

        VBuffer<ReadOnlyMemory<char>> names = default;
        annotations.GetValue(EcgColumns.LeadNamesAnnotation, ref names);
        float rate = 0;
        annotations.GetValue(EcgColumns.SamplingRateAnnotation, ref rate);
        var leadNames = names.DenseValues().Select(n => n.ToString()).ToArray();
        return new EcgSignalShape(vector.Dimensions[0], vector.Dimensions[1], leadNames, rate);
    }
}
