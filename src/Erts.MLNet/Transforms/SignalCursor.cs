using Microsoft.ML;
using Microsoft.ML.Data;

namespace Erts.MLNet.Transforms;

/// <summary>
/// A row (or cursor, when the wrapped input is one) of a <see cref="SignalMapper"/>'s output: input columns pass
/// through, the computed columns are computed on demand.
/// </summary>
internal sealed class SignalCursor : DataViewRowCursor
{
    private readonly SignalMapper _mapper;
    private readonly DataViewRow _input;
    private readonly int _pass;
    private readonly HashSet<int> _activeComputed;
    private readonly Dictionary<int, Delegate> _getters = [];

    public SignalCursor(SignalMapper mapper, DataViewRow input, IEnumerable<DataViewSchema.Column> activeColumns, int pass)
    {
        _mapper = mapper;
        _input = input;
        _pass = pass;
        _activeComputed = activeColumns.Where(mapper.IsComputed).Select(c => c.Index).ToHashSet();
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
        _mapper.IsComputed(column) ? _activeComputed.Contains(column.Index) : _input.IsColumnActive(_input.Schema[column.Index]);

    public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
    {
        if (!_mapper.IsComputed(column))
            return _input.GetGetter<TValue>(_input.Schema[column.Index]);
        if (!_activeComputed.Contains(column.Index))
            throw new InvalidOperationException($"column '{column.Name}' was not requested when this cursor was opened");
        if (typeof(TValue) != column.Type.RawType)
            throw new InvalidOperationException($"column '{column.Name}' holds {column.Type.RawType.Name}; a getter of {typeof(TValue).Name} was asked for");
        if (!_getters.TryGetValue(column.Index, out var getter))
            _getters[column.Index] = getter = _mapper.MakeGetter(column, _input, _pass);
        return (ValueGetter<TValue>)getter;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _input.Dispose();
        base.Dispose(disposing);
    }
}
