using Erts.MLNet.Data.DataViews;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Erts.MLNet.Transforms;

/// <summary>
/// A transform bound to one input schema: the output schema (input columns, then the output column, then, when the
/// transform changed the signal's rate or record lengths in place, a per-row <c>SamplingRate</c> or
/// <c>SignalLength</c> column hiding the stale input one) and the getters of those computed columns.
/// </summary>
internal sealed class SignalMapper : IRowToRowMapper
{
    private readonly SignalColumn _input;
    private readonly int _inputColumn;
    private readonly DataViewSchema.Column? _lengthColumn;
    private readonly SignalMapping _mapping;
    private readonly float? _rowSamplingRate;
    private readonly string _transformName;
    private readonly int _rateIndex = -1;
    private readonly int _lengthIndex = -1;

    /// <param name="inputSchema">The schema bound to.</param>
    /// <param name="input">The signal read (its <see cref="SignalColumn.VariableLength"/> says whether rows have a length).</param>
    /// <param name="lengthColumn">The input's <c>SignalLength</c> column, or null when every row fills the signal.</param>
    /// <param name="outputColumnName">Name of the column computed.</param>
    /// <param name="mapping">The output type and per-row function.</param>
    /// <param name="rowSamplingRate">The value of every row's replaced <c>SamplingRate</c> column, or null to pass the input's through.</param>
    /// <param name="replacesRowLength">Whether the <c>SignalLength</c> column is replaced by the output's record lengths (<see cref="SignalMapping.RowLength"/>).</param>
    /// <param name="transformName">The transform, for messages.</param>
    public SignalMapper(DataViewSchema inputSchema, SignalColumn input, DataViewSchema.Column? lengthColumn, string outputColumnName,
        SignalMapping mapping, float? rowSamplingRate, bool replacesRowLength, string transformName)
    {
        InputSchema = inputSchema;
        _input = input;
        _inputColumn = inputSchema[input.Name].Index;
        _lengthColumn = lengthColumn;
        _mapping = mapping;
        _rowSamplingRate = rowSamplingRate;
        _transformName = transformName;
        var builder = new DataViewSchema.Builder();
        builder.AddColumns(inputSchema);
        builder.AddColumn(outputColumnName, mapping.OutputType, mapping.OutputAnnotations);
        int next = OutputSignalIndex + 1;
        if (rowSamplingRate != null)
        {
            builder.AddColumn(EcgColumns.SamplingRate, NumberDataViewType.Single);
            _rateIndex = next++;
        }
        if (replacesRowLength)
        {
            builder.AddColumn(EcgColumns.SignalLength, NumberDataViewType.Int32);
            _lengthIndex = next;
        }
        OutputSchema = builder.ToSchema();
    }

    public DataViewSchema InputSchema { get; }

    public DataViewSchema OutputSchema { get; }

    /// <summary>Index of the computed signal in <see cref="OutputSchema"/>; lower indices are the input's.</summary>
    private int OutputSignalIndex => InputSchema.Count;

    /// <summary>Whether <paramref name="column"/> is computed here rather than passed through from the input.</summary>
    public bool IsComputed(DataViewSchema.Column column) => column.Index >= InputSchema.Count;

    public IEnumerable<DataViewSchema.Column> GetDependencies(IEnumerable<DataViewSchema.Column> dependingColumns) =>
        dependingColumns.SelectMany(InputsOf).Distinct().Select(index => InputSchema[index]).ToArray();

    // The input columns a column of the output is read from: itself when passed through; the signal and its row
    // length for the computed signal and for the replaced length; none for the replaced rate.
    private IEnumerable<int> InputsOf(DataViewSchema.Column column)
    {
        if (!IsComputed(column)) return [column.Index];
        int[] length = _lengthColumn is { } c ? [c.Index] : [];
        if (column.Index == OutputSignalIndex) return [_inputColumn, .. length];
        return column.Index == _lengthIndex ? length : [];
    }

    public DataViewRow GetRow(DataViewRow input, IEnumerable<DataViewSchema.Column> activeColumns) =>
        new SignalCursor(this, input, activeColumns, pass: 0);

    /// <summary>The getter of a computed column on <paramref name="input"/>: the signal, the replaced rate or the replaced length.</summary>
    public Delegate MakeGetter(DataViewSchema.Column column, DataViewRow input, int pass)
    {
        if (column.Index == OutputSignalIndex) return MakeSignalGetter(input, pass);
        if (column.Index == _lengthIndex) return MakeLengthGetter(input);
        float rate = _rowSamplingRate!.Value;
        return (ValueGetter<float>)((ref float value) => value = rate);
    }

    /// <summary>The getter of the output signal on <paramref name="input"/>; each call maps the current row.</summary>
    private ValueGetter<VBuffer<float>> MakeSignalGetter(DataViewRow input, int pass)
    {
        var getSource = input.GetGetter<VBuffer<float>>(InputSchema[_inputColumn]);
        var getLength = RowLengthReader(input);
        var getId = _mapping.UsesRandomKey ? input.GetIdGetter() : null;
        VBuffer<float> source = default;
        DataViewRowId id = default;
        float[]? densified = null;
        int inputSize = _input.Values, outputSize = _mapping.OutputType.Size;
        return (ref VBuffer<float> value) =>
        {
            getSource(ref source);
            if (source.Length != inputSize)
                throw new InvalidOperationException($"row {input.Position}: column '{_input.Name}' holds {source.Length} values, its type says {inputSize}");
            ReadOnlySpan<float> values = source.GetValues();
            if (!source.IsDense)
            {
                densified ??= new float[inputSize];
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
            _mapping.Map(values, editor.Values, new SignalRow(input.Position, key, getLength()));
            value = editor.Commit();
        };
    }

    /// <summary>The getter of the replaced <c>SignalLength</c>: the output record's length for the row's input record.</summary>
    private ValueGetter<int> MakeLengthGetter(DataViewRow input)
    {
        var getLength = RowLengthReader(input);
        var rowLength = _mapping.RowLength!;
        return (ref int value) => value = rowLength(getLength());
    }

    /// <summary>Reads the current row's record length, checked against the input signal; the whole signal when rows have no length.</summary>
    private Func<int> RowLengthReader(DataViewRow input)
    {
        int samples = _input.Samples;
        if (_lengthColumn is not { } column) return () => samples;
        var getter = input.GetGetter<int>(column);
        return () =>
        {
            int length = 0;
            getter(ref length);
            return SignalLengthColumn.Check(length, samples, _input.Name, input.Position, _transformName);
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
