using Microsoft.ML;
using Microsoft.ML.Data;

namespace Erts.MLNet.Transforms;

/// <summary>
/// A row (or cursor, when the wrapped input is one) of a <see cref="SignalMapper"/>'s output: input columns pass
/// through, the output column is computed on demand.
/// </summary>
internal sealed class SignalCursor : DataViewRowCursor
{
    private readonly SignalMapper _mapper;
    private readonly DataViewRow _input;
    private readonly bool _outputActive;
    private readonly Lazy<ValueGetter<VBuffer<float>>> _getter;

    public SignalCursor(SignalMapper mapper, DataViewRow input, IEnumerable<DataViewSchema.Column> activeColumns, int pass)
    {
        _mapper = mapper;
        _input = input;
        _outputActive = activeColumns.Any(c => c.Index == mapper.OutputColumn);
        _getter = new Lazy<ValueGetter<VBuffer<float>>>(() => mapper.MakeGetter(input, pass), LazyThreadSafetyMode.None);
    }

    public override DataViewSchema Schema => _mapper.OutputSchema;

    public override long Position => _input.Position;

    public override long Batch => _input.Batch;

    public override bool MoveNext() =>
        _input is DataViewRowCursor cursor
            ? cursor.MoveNext()
            : throw new InvalidOperationException("this is a single row from IRowToRowMapper.GetRow; it cannot move");

    public override ValueGetter<DataViewRowId> GetIdGetter() => _input.GetIdGetter();

    public override bool IsColumnActive(DataViewSchema.Column column) =>
        column.Index == _mapper.OutputColumn ? _outputActive : _input.IsColumnActive(_input.Schema[column.Index]);

    public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
    {
        if (column.Index != _mapper.OutputColumn)
            return _input.GetGetter<TValue>(_input.Schema[column.Index]);
        if (!_outputActive)
            throw new InvalidOperationException($"column '{column.Name}' was not requested when this cursor was opened");
        if (typeof(TValue) != typeof(VBuffer<float>))
            throw new InvalidOperationException($"column '{column.Name}' holds VBuffer<Single>; a getter of {typeof(TValue).Name} was asked for");
        return (ValueGetter<TValue>)(Delegate)_getter.Value;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _input.Dispose();
        base.Dispose(disposing);
    }
}
