using Microsoft.ML;
using Microsoft.ML.Data;

namespace Erts.MLNet.Model;

/// <summary>
/// The values one input column takes on a window of consecutive rows, stored while the input cursor is on each row
/// and read back after it has moved on. Works for any column type: vectors are deep-copied (a getter may reuse or
/// share its buffers), every other value is copied as it is.
/// </summary>
internal abstract class ColumnBuffer
{
    /// <summary>A buffer of <paramref name="capacity"/> rows for <paramref name="column"/>, reading from <paramref name="input"/>.</summary>
    public static ColumnBuffer Create(DataViewRow input, DataViewSchema.Column column, int capacity)
    {
        // The column's type is only known at run time: build the buffer of its raw type, as ML.NET's own caches do.
        var raw = column.Type.RawType;
        var type = raw.IsGenericType && raw.GetGenericTypeDefinition() == typeof(VBuffer<>)
            ? typeof(VectorBuffer<>).MakeGenericType(raw.GetGenericArguments())
            : typeof(ValueBuffer<>).MakeGenericType(raw);
        return (ColumnBuffer)Activator.CreateInstance(type, input, column, capacity)!;
    }

    /// <summary>Slots of the current window that hold a value: slots 0 .. Count - 1.</summary>
    public int Count { get; private set; }

    /// <summary>Starts a new window: no slot holds a value.</summary>
    public void Clear() => Count = 0;

    /// <summary>Stores the input's value on its current row in the next slot.</summary>
    public void Append()
    {
        Store(Count);
        Count++;
    }

    /// <summary>Calls the input's getter once, keeping the value in <paramref name="slot"/>.</summary>
    protected abstract void Store(int slot);
}

/// <summary>A <see cref="ColumnBuffer"/> of values of type <typeparamref name="TValue"/>, read back through a getter.</summary>
internal abstract class ColumnBuffer<TValue> : ColumnBuffer
{
    /// <summary>Copies the value stored in <paramref name="slot"/> to <paramref name="destination"/>.</summary>
    public abstract void Read(int slot, ref TValue destination);
}

/// <summary>Values copied as they are: numbers, keys, booleans, text (immutable memory), dates.</summary>
internal sealed class ValueBuffer<TValue>(DataViewRow input, DataViewSchema.Column column, int capacity) : ColumnBuffer<TValue>
{
    private readonly ValueGetter<TValue> _getter = input.GetGetter<TValue>(column);
    private readonly TValue[] _values = new TValue[capacity];

    /// <inheritdoc />
    public override void Read(int slot, ref TValue destination) => destination = _values[slot];

    /// <inheritdoc />
    protected override void Store(int slot) => _getter(ref _values[slot]);
}

/// <summary>Vectors, deep-copied in and out: the consumer may write into what it gets, and some getters hand out their own buffers.</summary>
internal sealed class VectorBuffer<TItem>(DataViewRow input, DataViewSchema.Column column, int capacity) : ColumnBuffer<VBuffer<TItem>>
{
    private readonly ValueGetter<VBuffer<TItem>> _getter = input.GetGetter<VBuffer<TItem>>(column);
    private readonly VBuffer<TItem>[] _values = new VBuffer<TItem>[capacity];
    private VBuffer<TItem> _received;

    /// <inheritdoc />
    public override void Read(int slot, ref VBuffer<TItem> destination) => _values[slot].CopyTo(ref destination);

    /// <inheritdoc />
    protected override void Store(int slot)
    {
        _getter(ref _received);
        _received.CopyTo(ref _values[slot]);
    }
}
