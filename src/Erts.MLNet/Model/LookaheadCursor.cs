using Microsoft.ML;
using Microsoft.ML.Data;

namespace Erts.MLNet.Model;

/// <summary>
/// A cursor over a data view's rows that can read ahead. It serves rows in windows: normally a window is the input's
/// current row, whose values are read from the input on first demand; <see cref="ReadAhead"/> extends the current
/// window over the next rows at once, storing every active column of each, and the following <see cref="MoveNext"/>
/// calls serve those rows from memory. Every value the input computes is kept until the window ends, so each input
/// row is read once, by one cursor, however often the consumer calls a getter and whether or not it reads ahead.
/// </summary>
/// <remarks>
/// Reading ahead computes every active column of the rows read ahead, including columns the consumer will not read
/// on those rows; that is the price of reading the input once.
/// </remarks>
internal sealed class LookaheadCursor : DataViewRowCursor
{
    private readonly DataViewRowCursor _input;
    private readonly ColumnBuffer?[] _buffers;   // by column index; null for inactive columns
    private readonly ColumnBuffer[] _activeBuffers;
    private readonly ValueGetter<DataViewRowId> _inputId;
    private readonly DataViewRowId[] _ids;
    private long _windowStart = -1;
    private int _windowLength;
    private int _slot = -1;                     // the served row's offset in the window; -1 when not on a row
    private bool _readAhead;
    private bool _inputDone;

    /// <summary>Opens a cursor over <paramref name="source"/> for <paramref name="columnsNeeded"/>; a window holds at most <paramref name="capacity"/> rows.</summary>
    public LookaheadCursor(IDataView source, IEnumerable<DataViewSchema.Column> columnsNeeded, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        var needed = columnsNeeded.ToList();
        _input = OpenSingleCursor(source, needed);
        // Only the columns asked for are stored: a source may report more columns active than were requested.
        _buffers = new ColumnBuffer?[source.Schema.Count];
        try
        {
            foreach (var column in needed)
                _buffers[column.Index] ??= ColumnBuffer.Create(_input, column, capacity);
            _inputId = _input.GetIdGetter();
        }
        catch
        {
            _input.Dispose();
            throw;
        }
        _activeBuffers = _buffers.OfType<ColumnBuffer>().ToArray();
        _ids = new DataViewRowId[capacity];
        Capacity = capacity;
    }

    /// <summary>Most rows a window holds.</summary>
    public int Capacity { get; }

    /// <summary>Position of the window's first row.</summary>
    public long WindowStart => _windowStart;

    /// <summary>The current row's offset in its window (0 .. window length - 1).</summary>
    public int Slot => _slot;

    /// <inheritdoc />
    public override DataViewSchema Schema => _input.Schema;

    /// <inheritdoc />
    public override long Position => _slot < 0 ? _input.Position : _windowStart + _slot;

    /// <inheritdoc />
    public override long Batch => _input.Batch;

    /// <inheritdoc />
    public override bool IsColumnActive(DataViewSchema.Column column) => column.Index < _buffers.Length && _buffers[column.Index] is not null;

    /// <inheritdoc />
    public override bool MoveNext()
    {
        if (_slot >= 0 && _slot + 1 < _windowLength)
        {
            _slot++;
            return true;
        }
        // The window is used up: the input's next row starts a new one, read on demand.
        foreach (var buffer in _activeBuffers) buffer.Clear();
        _readAhead = false;
        _slot = -1;
        _windowLength = 0;
        if (_inputDone || !_input.MoveNext())
        {
            _inputDone = true;
            return false;
        }
        _windowStart = _input.Position;
        _windowLength = 1;
        _slot = 0;
        return true;
    }

    /// <summary>
    /// Extends the current window, which must hold only the current row, over the next rows of the input, up to
    /// <see cref="Capacity"/> rows in all, storing each row's active columns; returns the window's length (fewer rows
    /// at the end of the input). Does nothing but return the length when the window was already read ahead.
    /// </summary>
    /// <exception cref="InvalidOperationException">The cursor is not on a row, or is past the first row of its window.</exception>
    public int ReadAhead()
    {
        RequireRow();
        if (_readAhead) return _windowLength;
        if (_slot != 0) throw new InvalidOperationException("Only a window's first row can read ahead.");
        StoreInputRow(0);
        while (_windowLength < Capacity)
        {
            if (!_input.MoveNext())
            {
                _inputDone = true;
                break;
            }
            StoreInputRow(_windowLength++);
        }
        _readAhead = true;
        return _windowLength;
    }

    /// <summary>The value of <paramref name="column"/> on the window's row <paramref name="slot"/> (after <see cref="ReadAhead"/>).</summary>
    /// <exception cref="InvalidOperationException">The window was not read ahead, or the column is inactive or of another type.</exception>
    public void Read<TValue>(DataViewSchema.Column column, int slot, ref TValue value)
    {
        if (!_readAhead) throw new InvalidOperationException("Rows of a window are read by slot only after ReadAhead.");
        if ((uint)slot >= (uint)_windowLength) throw new ArgumentOutOfRangeException(nameof(slot), slot, $"The window holds {_windowLength} row(s).");
        BufferOf<TValue>(column).Read(slot, ref value);
    }

    /// <inheritdoc />
    public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
    {
        var buffer = BufferOf<TValue>(column);
        return (ref TValue value) =>
        {
            RequireRow();
            if (buffer.Count == 0) buffer.Append();  // the window's only row, still current in the input
            buffer.Read(_slot, ref value);
        };
    }

    /// <inheritdoc />
    public override ValueGetter<DataViewRowId> GetIdGetter() => (ref DataViewRowId id) =>
    {
        RequireRow();
        if (_readAhead) id = _ids[_slot];
        else _inputId(ref id);
    };

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing) _input.Dispose();
        base.Dispose(disposing);
    }

    /// <summary>
    /// One plain cursor over <paramref name="source"/>. Not <c>GetRowCursor</c>: when a column that an ML.NET
    /// transform adds is active (say MapValueToKey's key next to the signal), it opens a consolidating cursor that
    /// reads the source on a splitter thread and hands every value over between threads. That parallelises only the
    /// last transform, and costs far more than it saves with signal vectors: scoring ran 1.5x slower through it
    /// (scoring-throughput benchmark). A cursor set of one is a plain cursor; a source that insists on more gets its
    /// ordinary cursor instead.
    /// </summary>
    private static DataViewRowCursor OpenSingleCursor(IDataView source, IReadOnlyList<DataViewSchema.Column> columns)
    {
        var set = source.GetRowCursorSet(columns, n: 1);
        if (set.Length == 1) return set[0];
        foreach (var cursor in set) cursor.Dispose();
        return source.GetRowCursor(columns);
    }

    private void StoreInputRow(int slot)
    {
        foreach (var buffer in _activeBuffers)
            if (buffer.Count == slot) buffer.Append();  // slot 0 may already hold what a getter read on demand
        _inputId(ref _ids[slot]);
    }

    private ColumnBuffer<TValue> BufferOf<TValue>(DataViewSchema.Column column)
    {
        if (column.Index >= _buffers.Length || _buffers[column.Index] is not { } buffer)
            throw new InvalidOperationException($"Column '{column.Name}' was not requested when the cursor was created.");
        return buffer as ColumnBuffer<TValue>
            ?? throw new InvalidOperationException($"Column '{column.Name}' is {column.Type}; a getter of {typeof(TValue).Name} was asked for.");
    }

    private void RequireRow()
    {
        if (_slot < 0) throw new InvalidOperationException("The cursor is not on a row: call MoveNext first and stop when it returns false.");
    }
}
