using Microsoft.ML;
using Microsoft.ML.Data;

namespace Erts.MLNet.Transforms;

/// <summary>
/// A transform bound to one input schema: the output schema (input columns plus the output column, appended last)
/// and the getter that computes the output column from an input row.
/// </summary>
internal sealed class SignalMapper : IRowToRowMapper
{
    private readonly int _inputColumn;
    private readonly SignalMapping _mapping;
    private readonly int _inputSize;

    public SignalMapper(DataViewSchema inputSchema, int inputColumn, string outputColumnName, SignalMapping mapping)
    {
        InputSchema = inputSchema;
        _inputColumn = inputColumn;
        _mapping = mapping;
        _inputSize = ((VectorDataViewType)inputSchema[inputColumn].Type).Size;
        var builder = new DataViewSchema.Builder();
        builder.AddColumns(inputSchema);
        builder.AddColumn(outputColumnName, mapping.OutputType, mapping.OutputAnnotations);
        OutputSchema = builder.ToSchema();
    }

    public DataViewSchema InputSchema { get; }

    public DataViewSchema OutputSchema { get; }

    /// <summary>Index of the computed column in <see cref="OutputSchema"/>; lower indices are the input's.</summary>
    public int OutputColumn => InputSchema.Count;

    public IEnumerable<DataViewSchema.Column> GetDependencies(IEnumerable<DataViewSchema.Column> dependingColumns) =>
        dependingColumns
            .Select(c => c.Index == OutputColumn ? _inputColumn : c.Index)
            .Distinct()
            .Select(index => InputSchema[index])
            .ToArray();

    public DataViewRow GetRow(DataViewRow input, IEnumerable<DataViewSchema.Column> activeColumns) =>
        new SignalCursor(this, input, activeColumns, pass: 0);

    /// <summary>The getter of the output column on <paramref name="input"/>; each call maps the current row.</summary>
    public ValueGetter<VBuffer<float>> MakeGetter(DataViewRow input, int pass)
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
