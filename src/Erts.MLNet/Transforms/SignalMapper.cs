using Erts.MLNet.Data.DataViews;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Erts.MLNet.Transforms;

/// <summary>
/// A transform bound to one input schema: the output schema (input columns, then the output column, then, when the
/// transform changed the signal's rate in place, a per-row <c>SamplingRate</c> column hiding the stale input one)
/// and the getters of those computed columns.
/// </summary>
internal sealed class SignalMapper : IRowToRowMapper
{
    private readonly int _inputColumn;
    private readonly SignalMapping _mapping;
    private readonly int _inputSize;
    private readonly float? _rowSamplingRate;

    /// <param name="inputSchema">The schema bound to.</param>
    /// <param name="inputColumn">Index of the signal read.</param>
    /// <param name="outputColumnName">Name of the column computed.</param>
    /// <param name="mapping">The output type and per-row function.</param>
    /// <param name="rowSamplingRate">The value of every row's replaced <c>SamplingRate</c> column, or null to pass the input's through.</param>
    public SignalMapper(DataViewSchema inputSchema, int inputColumn, string outputColumnName, SignalMapping mapping, float? rowSamplingRate)
    {
        InputSchema = inputSchema;
        _inputColumn = inputColumn;
        _mapping = mapping;
        _rowSamplingRate = rowSamplingRate;
        _inputSize = ((VectorDataViewType)inputSchema[inputColumn].Type).Size;
        var builder = new DataViewSchema.Builder();
        builder.AddColumns(inputSchema);
        builder.AddColumn(outputColumnName, mapping.OutputType, mapping.OutputAnnotations);
        if (rowSamplingRate != null) builder.AddColumn(EcgColumns.SamplingRate, NumberDataViewType.Single);
        OutputSchema = builder.ToSchema();
    }

    public DataViewSchema InputSchema { get; }

    public DataViewSchema OutputSchema { get; }

    /// <summary>Index of the computed signal in <see cref="OutputSchema"/>; lower indices are the input's.</summary>
    private int OutputSignalIndex => InputSchema.Count;

    /// <summary>Whether <paramref name="column"/> is computed here rather than passed through from the input.</summary>
    public bool IsComputed(DataViewSchema.Column column) => column.Index >= InputSchema.Count;

    public IEnumerable<DataViewSchema.Column> GetDependencies(IEnumerable<DataViewSchema.Column> dependingColumns) =>
        dependingColumns
            .Where(c => !IsComputed(c) || c.Index == OutputSignalIndex)   // the replaced rate depends on no input column
            .Select(c => c.Index == OutputSignalIndex ? _inputColumn : c.Index)
            .Distinct()
            .Select(index => InputSchema[index])
            .ToArray();

    public DataViewRow GetRow(DataViewRow input, IEnumerable<DataViewSchema.Column> activeColumns) =>
        new SignalCursor(this, input, activeColumns, pass: 0);

    /// <summary>The getter of a computed column on <paramref name="input"/>: the signal, or the replaced rate.</summary>
    public Delegate MakeGetter(DataViewSchema.Column column, DataViewRow input, int pass)
    {
        if (column.Index == OutputSignalIndex) return MakeSignalGetter(input, pass);
        float rate = _rowSamplingRate!.Value;
        return (ValueGetter<float>)((ref float value) => value = rate);
    }

    /// <summary>The getter of the output signal on <paramref name="input"/>; each call maps the current row.</summary>
    private ValueGetter<VBuffer<float>> MakeSignalGetter(DataViewRow input, int pass)
    {
        var getSource = input.GetGetter<VBuffer<float>>(InputSchema[_inputColumn]);
        var getId = _mapping.UsesRandomKey ? input.GetIdGetter() : null;
        VBuffer<float> source = default;
        DataViewRowId id = default;
        float[]? densified = null;
        int outputSize = _mapping.OutputType.Size;
        return (ref VBuffer<float> value) =>
        {
            getSource(ref source);
            if (source.Length != _inputSize)
                throw new InvalidOperationException($"row {input.Position}: column '{InputSchema[_inputColumn].Name}' holds {source.Length} values, its type says {_inputSize}");
            ReadOnlySpan<float> values = source.GetValues();
            if (!source.IsDense)
            {
                densified ??= new float[_inputSize];
                source.CopyTo(densified);
                values = densified;
            }
            ulong key = 0;
            if (getId != null)
            {
                getId(ref id);
                key = Mix(id.Low ^ Mix(id.High ^ Mix((ulong)pass)));
            }
            var editor = VBufferEditor.Create(ref value, outputSize);
            _mapping.Map(values, editor.Values, new SignalRow(input.Position, key));
            value = editor.Commit();
        };
    }

    // SplitMix64 finaliser: turns nearby ids into unrelated 64-bit keys.
    private static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
