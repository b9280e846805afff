using Microsoft.ML;
using Microsoft.ML.Data;

namespace Erts.MLNet.Transforms;

/// <summary>
/// What a transform knows of a signal column at bind time: the ECG IDataView convention's 2-D known-size
/// <c>Single</c> vector (leads x samples, lead-major) and its <c>LeadNames</c> and <c>SamplingRate</c> annotations.
/// </summary>
internal sealed record SignalShape(string ColumnName, int Leads, int Length, float? SamplingRate, IReadOnlyList<string>? LeadNames)
{
    public const string LeadNamesAnnotation = Data.DataViews.EcgColumns.LeadNamesAnnotation;
    public const string SamplingRateAnnotation = Data.DataViews.EcgColumns.SamplingRateAnnotation;

    public int Size => Leads * Length;

    public VectorDataViewType Type => new(NumberDataViewType.Single, Leads, Length);

    /// <summary>Reads and checks <paramref name="column"/> against the convention.</summary>
    public static SignalShape FromColumn(DataViewSchema.Column column, string transformName)
    {
        if (column.Type is not VectorDataViewType { ItemType: var item } vector || item != NumberDataViewType.Single)
            throw new SignalColumnException(column.Name,
                $"{transformName}: column '{column.Name}' must be a vector of Single (leads x samples); it is {column.Type}");
        if (!vector.IsKnownSize || vector.Dimensions.Length != 2)
            throw new SignalColumnException(column.Name,
                $"{transformName}: column '{column.Name}' must be a known-size vector with two dimensions (leads, samples); " +
                $"it has dimensions ({string.Join(", ", vector.Dimensions)}). Give it new VectorDataViewType(NumberDataViewType.Single, leads, samples).");
        int leads = vector.Dimensions[0], length = vector.Dimensions[1];

        float? rate = null;
        var annotations = column.Annotations;
        if (annotations.Schema.GetColumnOrNull(SamplingRateAnnotation) is { } rateColumn)
        {
            if (rateColumn.Type != NumberDataViewType.Single)
                throw new SignalColumnException(column.Name,
                    $"{transformName}: annotation '{SamplingRateAnnotation}' of column '{column.Name}' must be Single (Hz); it is {rateColumn.Type}");
            float value = 0;
            annotations.GetValue(SamplingRateAnnotation, ref value);
            rate = value;
        }

        string[]? names = null;
        if (annotations.Schema.GetColumnOrNull(LeadNamesAnnotation) is { } namesColumn)
        {
            if (namesColumn.Type is not VectorDataViewType { ItemType: TextDataViewType, Size: var count } || count != leads)
                throw new SignalColumnException(column.Name,
                    $"{transformName}: annotation '{LeadNamesAnnotation}' of column '{column.Name}' must be a vector of {leads} Text values (one per lead); it is {namesColumn.Type}");
            VBuffer<ReadOnlyMemory<char>> buffer = default;
            annotations.GetValue(LeadNamesAnnotation, ref buffer);
            names = buffer.DenseValues().Select(n => n.ToString()).ToArray();
        }
        return new SignalShape(column.Name, leads, length, rate, names);
    }

    /// <summary>The sampling rate, or an error saying <paramref name="transformName"/> needs it.</summary>
    public float RequireSamplingRate(string transformName) =>
        SamplingRate is > 0 and var rate && float.IsFinite(rate)
            ? rate
            : throw Mismatch(transformName, $"needs a positive '{SamplingRateAnnotation}' annotation (Hz) on the column",
                SamplingRate?.ToString() ?? "none");

    /// <summary>The lead names, or an error saying <paramref name="transformName"/> needs them.</summary>
    public IReadOnlyList<string> RequireLeadNames(string transformName) =>
        LeadNames ?? throw Mismatch(transformName, $"needs the '{LeadNamesAnnotation}' annotation (one Text per lead) on the column", "none");

    /// <summary>An error naming this column, the transform, the rule broken and the value found.</summary>
    public SignalColumnException Mismatch(string transformName, string rule, object found, Exception? inner = null) =>
        new(ColumnName, $"{transformName}: column '{ColumnName}' ({Leads} leads x {Length} samples) {rule}; found {found}", inner);

    /// <summary>The annotations of a column of this shape (those that are known).</summary>
    public DataViewSchema.Annotations Annotations()
    {
        var builder = new DataViewSchema.Annotations.Builder();
        if (LeadNames != null)
        {
            var names = new VBuffer<ReadOnlyMemory<char>>(Leads, LeadNames.Select(n => n.AsMemory()).ToArray());
            builder.Add(LeadNamesAnnotation, new VectorDataViewType(TextDataViewType.Instance, Leads),
                (ref VBuffer<ReadOnlyMemory<char>> value) => names.CopyTo(ref value));
        }
        if (SamplingRate is { } rate)
            builder.Add(SamplingRateAnnotation, NumberDataViewType.Single, (ref float value) => value = rate);
        return builder.ToAnnotations();
    }
}
