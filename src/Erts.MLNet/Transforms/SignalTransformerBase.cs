using Erts.MLNet.Data.DataViews;
using Erts.MLNet.Persistence;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Erts.MLNet.Transforms;

/// <summary>
/// Base of the ECG transforms: a lazy row-to-row map of a signal column (ECG IDataView convention: a known-size
/// <c>Single</c> vector of leads x samples with <c>LeadNames</c> and <c>SamplingRate</c> annotations) into an output
/// column of the same convention, saved and loaded with <c>mlContext.Model.Save/Load</c>.
/// </summary>
/// <remarks>
/// <para>A concrete transform only says how it maps its input <c>SignalColumn</c> (validating it) and which parameters it saves;
/// schema building, cursors, prediction-engine rows and the model header are written once, here, and so is keeping a
/// dataset view's per-row <c>SamplingRate</c> and <c>SignalLength</c> columns true when a transform changes the rate
/// or the record lengths in place.</para>
/// <para>Whole records of different lengths: when the input schema has an Int32 <c>SignalLength</c> column (ECG
/// convention, <see cref="EcgColumns.SignalLength"/>), each row's signal holds its record in the first
/// <c>SignalLength</c> samples of every lead and padding after them. Every transform then reads only the record (a
/// filter never sees the padding, a normalisation takes its moments over the record) and writes zeros after the
/// output's record. Each row's length is checked to lie in [1, samples per lead] and a row that breaks it raises a
/// <see cref="SignalLengthException"/> naming the row. Without the column every row fills its signal, as before.</para>
/// </remarks>
public abstract class SignalTransformerBase : ITransformer
{
    private protected SignalTransformerBase(string outputColumnName, string? inputColumnName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outputColumnName);
        OutputColumnName = outputColumnName;
        InputColumnName = string.IsNullOrWhiteSpace(inputColumnName) ? outputColumnName : inputColumnName;
    }

    /// <summary>Name of the column written (by default the input's, which it then hides).</summary>
    public string OutputColumnName { get; }

    /// <summary>Name of the signal column read.</summary>
    public string InputColumnName { get; }

    /// <summary>Always true: each output row depends only on the same input row.</summary>
    public bool IsRowToRowMapper => true;

    /// <summary>The name used in error messages, e.g. "Resample".</summary>
    private protected abstract string TransformName { get; }

    /// <summary>Annotations the input must carry (checked before fitting, on the estimator's schema shape).</summary>
    private protected virtual IReadOnlyList<string> RequiredAnnotations => [];

    /// <summary>
    /// The input schema with the output column added (it hides an input column of the same name).
    /// </summary>
    /// <exception cref="SignalColumnException">The input column is missing or does not fit this transform.</exception>
    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema) => Bind(inputSchema).OutputSchema;

    /// <summary>A lazy view computing the output column as rows are read.</summary>
    /// <exception cref="SignalColumnException">The input column is missing or does not fit this transform.</exception>
    public IDataView Transform(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new SignalDataView(input, Bind(input.Schema));
    }

    /// <summary>A row mapper for single rows (used by <c>PredictionEngine</c>).</summary>
    public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema) => Bind(inputSchema);

    void ICanSaveModel.Save(ModelSaveContext context)
    {
        var writer = MlNetBridge.BeginSave(context, ModelLoaderAttribute.VersionInfoOf(GetType()));
        writer.Write(OutputColumnName);
        writer.Write(InputColumnName);
        SaveParameters(writer);
    }

    /// <summary>Validates <paramref name="input"/> for this transform and returns the output shape and row function.</summary>
    private protected abstract SignalMapping Map(SignalColumn input);

    /// <summary>Writes the parameters after the column names; the loader reads them back in the same order.</summary>
    private protected abstract void SaveParameters(BinaryWriter writer);

    /// <summary>Reads the header written by Save and returns the reader positioned at the parameters.</summary>
    private protected static BinaryReader LoadHeader<TTransformer>(object context, out string outputColumnName, out string inputColumnName)
        where TTransformer : SignalTransformerBase
    {
        var reader = MlNetBridge.BeginLoad(context, ModelLoaderAttribute.VersionInfoOf(typeof(TTransformer)));
        outputColumnName = reader.ReadString();
        inputColumnName = reader.ReadString();
        return reader;
    }

    /// <summary>The input signal column, with <see cref="SignalColumn.VariableLength"/> set when the schema has a <c>SignalLength</c> column.</summary>
    internal SignalColumn ReadInput(DataViewSchema inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        var column = inputSchema.GetColumnOrNull(InputColumnName)
            ?? throw new SignalColumnException(InputColumnName,
                $"{TransformName}: input column '{InputColumnName}' not found; columns are {string.Join(", ", inputSchema.Select(c => c.Name))}");
        var signal = SignalColumn.Read(column, rule => new SignalColumnException(column.Name, $"{TransformName}: {rule}"));
        return signal with { VariableLength = FindRowLengths(inputSchema) != null };
    }

    /// <summary>The input's per-row <c>SignalLength</c> column, or null; an error when it is not Int32.</summary>
    internal DataViewSchema.Column? FindRowLengths(DataViewSchema inputSchema) =>
        SignalLengthColumn.Find(inputSchema, rule => new SignalColumnException(EcgColumns.SignalLength, $"{TransformName}: {rule}"));

    /// <summary>An error naming the input column, this transform, the rule broken and the value found.</summary>
    internal SignalColumnException Mismatch(SignalColumn input, string rule, object found, Exception? inner = null) =>
        new(input.Name, $"{TransformName}: column '{input.Name}' ({input.Leads} leads x {input.Samples} samples) {rule}; found {found}", inner);

    /// <summary>A row's <c>SignalLength</c> when it lies in [1, samples per lead of <paramref name="input"/>], else an error naming the row.</summary>
    internal int CheckRowLength(int length, SignalColumn input, long row) =>
        SignalLengthColumn.Check(length, input.Samples, input.Name, row, TransformName);

    /// <summary>An error for a row whose record is too short for this transform (only whole-record views have such rows).</summary>
    private protected SignalLengthException TooShort(in SignalRow row, string need) =>
        new(row.Position, row.Length, $"{TransformName}: row {row.Position}: column '{EcgColumns.SignalLength}' holds {row.Length}; {need}");

    /// <summary>The input's sampling rate, or an error saying this transform needs it.</summary>
    private protected float RequireSamplingRate(SignalColumn input) =>
        input.SamplingRate is > 0 and var rate && float.IsFinite(rate)
            ? rate
            : throw Mismatch(input, $"needs a positive '{EcgColumns.SamplingRateAnnotation}' annotation (Hz) on the column",
                input.SamplingRate?.ToString() ?? "none");

    /// <summary>The input's lead names, or an error saying this transform needs them.</summary>
    private protected IReadOnlyList<string> RequireLeadNames(SignalColumn input) =>
        input.LeadNames ?? throw Mismatch(input, $"needs the '{EcgColumns.LeadNamesAnnotation}' annotation (one Text per lead) on the column", "none");

    internal SignalMapper Bind(DataViewSchema inputSchema)
    {
        var input = ReadInput(inputSchema);
        SignalMapping mapping;
        try
        {
            mapping = Map(input);
        }
        catch (ArgumentException e) when (e is not SignalColumnException)
        {
            // A DSP constructor refused the column's rate or length: report it against the column.
            throw Mismatch(input, "cannot be processed: " + e.Message, $"sampling rate {input.SamplingRate?.ToString() ?? "none"}", e);
        }
        return new SignalMapper(inputSchema, input, FindRowLengths(inputSchema), OutputColumnName, mapping,
            ReplacedRowSamplingRate(inputSchema, input, mapping), ReplacesRowLength(input, mapping), TransformName);
    }

    /// <summary>
    /// The rate every row's <c>SamplingRate</c> column must hold after this transform, or null when the input's
    /// column stays true (or there is none).
    /// </summary>
    /// <remarks>
    /// A dataset view states each row's rate in a <c>SamplingRate</c> column beside the signal (ECG convention). When
    /// the output signal has another rate and takes the place of an input column (in place, the catalog default), the
    /// rows' signal is now at the new rate and the column is replaced with it. When the output is written beside the
    /// input, the input signal, which the column describes, is still there, so the column is left as it is (the output
    /// states its rate in its annotation). Rate and record lengths (<see cref="ReplacesRowLength"/>) are the only
    /// per-row columns of the convention a transform can make stale: lead count and signal length live in the column
    /// type, which the output carries.
    /// </remarks>
    private float? ReplacedRowSamplingRate(DataViewSchema inputSchema, SignalColumn input, SignalMapping mapping)
    {
        if (mapping.OutputSignal?.SamplingRate is not { } rate || rate == input.SamplingRate) return null;
        bool replacesInputColumn = inputSchema.GetColumnOrNull(OutputColumnName) != null && OutputColumnName != EcgColumns.SamplingRate;
        bool hasRowRate = inputSchema.GetColumnOrNull(EcgColumns.SamplingRate)?.Type == NumberDataViewType.Single;
        return replacesInputColumn && hasRowRate ? rate : null;
    }

    /// <summary>
    /// Whether the view's per-row <c>SignalLength</c> column is replaced with the output's record lengths: when the view
    /// has one and this transform changes them (<see cref="SignalMapping.RowLength"/>: resampling, cropping).
    /// </summary>
    /// <remarks>
    /// As with the rate, the column describes the input signal. Filters, normalisation and lead selection keep every
    /// record's length, so the column describes their output too, wherever it is written. A transform that changes the
    /// lengths must write in place: its output then takes the input's place and the column is replaced. Written beside
    /// the input, the view would hold two signals of different record lengths and one <c>SignalLength</c> column,
    /// which a later reader of the output would take for its own; that is refused (unlike the rate, whose annotation
    /// on the output still tells the truth, no annotation can hold a length per row).
    /// </remarks>
    /// <exception cref="SignalColumnException">The lengths change and the output is not written in place.</exception>
    private bool ReplacesRowLength(SignalColumn input, SignalMapping mapping)
    {
        if (!input.VariableLength || mapping.RowLength is null) return false;
        if (OutputColumnName != InputColumnName)
            throw Mismatch(input,
                $"changes each record's length, so on a view with a per-row '{EcgColumns.SignalLength}' column it must write in place " +
                $"(outputColumnName = inputColumnName): one '{EcgColumns.SignalLength}' column cannot describe both '{InputColumnName}' and '{OutputColumnName}'",
                $"outputColumnName '{OutputColumnName}'");
        return true;
    }

    /// <summary>The estimator-time check and output: what can be known before any data is seen.</summary>
    internal SchemaShape GetOutputSchemaShape(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        if (!TryFindColumn(inputSchema, InputColumnName, out var column))
            throw new SignalColumnException(InputColumnName,
                $"{TransformName}: input column '{InputColumnName}' not found; columns are {string.Join(", ", inputSchema.Select(c => c.Name))}");
        if (column.Kind != SchemaShape.Column.VectorKind.Vector || column.ItemType != NumberDataViewType.Single || column.IsKey)
            throw new SignalColumnException(InputColumnName,
                $"{TransformName}: column '{InputColumnName}' must be a known-size vector of Single (leads x samples); it is {column.Kind} of {column.ItemType}");
        foreach (string annotation in RequiredAnnotations)
            if (!TryFindColumn(column.Annotations, annotation, out _))
                throw new SignalColumnException(InputColumnName,
                    $"{TransformName}: column '{InputColumnName}' needs the '{annotation}' annotation");

        // A per-row SamplingRate or SignalLength column that Bind replaces keeps its shape (a Single or Int32 scalar), so
        // it passes through as is. Whether a length-changing transform writes beside a SignalLength column (refused by
        // Bind) depends on the signal's size, which a SchemaShape does not carry: Fit reports it.
        return new SchemaShape(inputSchema.Where(c => c.Name != OutputColumnName).Append(OutputColumnShape(column)));
    }

    /// <summary>The output column as known before fitting; by default a signal carrying the input's annotations.</summary>
    private protected virtual SchemaShape.Column OutputColumnShape(SchemaShape.Column input)
    {
        var annotations = new List<SchemaShape.Column>();
        if (TryFindColumn(input.Annotations, EcgColumns.LeadNamesAnnotation, out _))
            annotations.Add(MlNetBridge.Column(EcgColumns.LeadNamesAnnotation, SchemaShape.Column.VectorKind.Vector, TextDataViewType.Instance, false));
        if (TryFindColumn(input.Annotations, EcgColumns.SamplingRateAnnotation, out _))
            annotations.Add(MlNetBridge.Column(EcgColumns.SamplingRateAnnotation, SchemaShape.Column.VectorKind.Scalar, NumberDataViewType.Single, false));
        return MlNetBridge.Column(OutputColumnName, SchemaShape.Column.VectorKind.Vector, NumberDataViewType.Single, false, new SchemaShape(annotations));
    }

    // SchemaShape.TryFindColumn is internal to ML.NET.
    private static bool TryFindColumn(SchemaShape? shape, string name, out SchemaShape.Column column)
    {
        foreach (var candidate in shape ?? new SchemaShape([]))
        {
            if (candidate.Name != name) continue;
            column = candidate;
            return true;
        }
        column = default;
        return false;
    }
}
