using Microsoft.ML;
using Microsoft.ML.Data;

namespace Erts.MLNet.Data.DataViews;

/// <summary>
/// A signal column as a schema declares it under the ECG convention (see <see cref="EcgColumns.Signal"/>): leads and
/// samples from its known-size 2-D <c>Single</c> vector type, lead names and sampling rate from its annotations, each
/// null when the column lacks that annotation.
/// </summary>
/// <remarks>
/// The one place that reads and writes the convention's column type and annotations. <see cref="EcgSchema"/> builds
/// dataset views with it and requires both annotations when reading a view back; the transforms read their input
/// with it and each requires only the annotations it uses.
/// </remarks>
internal sealed record SignalColumn(string Name, int Leads, int Samples, IReadOnlyList<string>? LeadNames, float? SamplingRate)
{
    /// <summary>Values in one row: <see cref="Leads"/> x <see cref="Samples"/>.</summary>
    public int Values => Leads * Samples;

    /// <summary>
    /// Whether rows hold whole records of different lengths: each row's <see cref="EcgColumns.SignalLength"/> column
    /// gives the samples per lead that are the record, zeros follow them. False: every row fills <see cref="Samples"/>.
    /// </summary>
    /// <remarks>A property of the view rather than of the column type, so <see cref="Read"/> leaves it false; who reads
    /// a schema sets it from the presence of the <c>SignalLength</c> column.</remarks>
    public bool VariableLength { get; init; }

    /// <summary>The column type: <c>Vector&lt;Single, leads, samples&gt;</c>.</summary>
    public VectorDataViewType Type => new(NumberDataViewType.Single, Leads, Samples);

    /// <summary>The column a dataset view of <paramref name="shape"/> declares (both annotations known).</summary>
    public static SignalColumn Of(EcgSignalShape shape, string name = EcgColumns.Signal) =>
        new(name, shape.Leads, shape.Samples, shape.LeadNames, shape.SamplingRate) { VariableLength = shape.VariableLength };

    /// <summary>Reads <paramref name="column"/>'s type and annotations, checking them against the convention.</summary>
    /// <param name="column">The column of a schema.</param>
    /// <param name="reject">Turns a broken rule (a phrase naming the column, the rule and what was found) into the caller's exception.</param>
    public static SignalColumn Read(DataViewSchema.Column column, Func<string, Exception> reject)
    {
        if (column.Type is not VectorDataViewType { ItemType: var item } vector || item != NumberDataViewType.Single)
            throw reject($"column '{column.Name}' must be a vector of Single (leads x samples); it is {column.Type}");
        if (!vector.IsKnownSize || vector.Dimensions.Length != 2)
            throw reject($"column '{column.Name}' must be a known-size vector with two dimensions (leads, samples); " +
                $"it has dimensions ({string.Join(", ", vector.Dimensions)}). Give it new VectorDataViewType(NumberDataViewType.Single, leads, samples).");
        int leads = vector.Dimensions[0];

        var annotations = column.Annotations;
        string[]? names = null;
        if (annotations.Schema.GetColumnOrNull(EcgColumns.LeadNamesAnnotation) is { } namesColumn)
        {
            if (namesColumn.Type is not VectorDataViewType { ItemType: TextDataViewType, Size: var count } || count != leads)
                throw reject($"annotation '{EcgColumns.LeadNamesAnnotation}' of column '{column.Name}' must be a vector of {leads} Text values (one per lead); it is {namesColumn.Type}");
            VBuffer<ReadOnlyMemory<char>> buffer = default;
            annotations.GetValue(EcgColumns.LeadNamesAnnotation, ref buffer);
            names = buffer.DenseValues().Select(n => n.ToString()).ToArray();
        }

        float? rate = null;
        if (annotations.Schema.GetColumnOrNull(EcgColumns.SamplingRateAnnotation) is { } rateColumn)
        {
            if (rateColumn.Type != NumberDataViewType.Single)
                throw reject($"annotation '{EcgColumns.SamplingRateAnnotation}' of column '{column.Name}' must be Single (Hz); it is {rateColumn.Type}");
            float value = 0;
            annotations.GetValue(EcgColumns.SamplingRateAnnotation, ref value);
            rate = value;
        }
        return new SignalColumn(column.Name, leads, vector.Dimensions[1], names, rate);
    }

    /// <summary>The annotations of this column: <c>LeadNames</c> and <c>SamplingRate</c>, those that are known.</summary>
    public DataViewSchema.Annotations Annotations()
    {
        var builder = new DataViewSchema.Annotations.Builder();
        if (LeadNames != null)
        {
            var names = new VBuffer<ReadOnlyMemory<char>>(Leads, LeadNames.Select(n => n.AsMemory()).ToArray());
            builder.Add(EcgColumns.LeadNamesAnnotation, new VectorDataViewType(TextDataViewType.Instance, Leads),
                (ref VBuffer<ReadOnlyMemory<char>> value) => names.CopyTo(ref value));
        }
        if (SamplingRate is { } rate)
            builder.Add(EcgColumns.SamplingRateAnnotation, NumberDataViewType.Single, (ref float value) => value = rate);
        return builder.ToAnnotations();
    }
}
