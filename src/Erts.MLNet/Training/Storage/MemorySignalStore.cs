namespace Erts.MLNet.Training.Storage;

/// <summary>
/// Rows in managed memory, in blocks of whole rows. Blocks rather than one array: appending never copies what is
/// already stored (one array would be grown and copied, doubling the peak), and the set is not capped at
/// <see cref="Array.MaxLength"/> floats.
/// </summary>
internal sealed class MemorySignalStore : ISignalStore
{
    /// <summary>Target block size: 1 Mi floats (4 MiB; at most that much is allocated beyond the data), or one row when a row is larger.</summary>
    private const int BlockFloats = 1 << 20;

    private readonly List<float[]> _blocks = [];
    private readonly int _rowsPerBlock;

    /// <summary>An empty store of rows of <paramref name="stride"/> floats.</summary>
    public MemorySignalStore(int stride)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(stride, 1);
        Stride = stride;
        _rowsPerBlock = Math.Max(1, BlockFloats / stride);
    }

    /// <summary>A store over an existing lead-major block of whole rows (not copied).</summary>
    public MemorySignalStore(float[] rows, int stride)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentOutOfRangeException.ThrowIfLessThan(stride, 1);
        if (rows.Length % stride != 0) throw new ArgumentException($"{rows.Length} values are not a whole number of rows of {stride}.", nameof(rows));
        Stride = stride;
        _rowsPerBlock = Math.Max(1, rows.Length / stride);
        _blocks.Add(rows);
        Count = rows.Length / stride;
    }

    /// <inheritdoc/>
    public int Stride { get; }

    /// <inheritdoc/>
    public int Count { get; private set; }

    /// <inheritdoc/>
    public long BytesInMemory => (long)Count * Stride * sizeof(float);

    /// <summary>Appends one row.</summary>
    public void Append(ReadOnlySpan<float> row)
    {
        if (row.Length != Stride) throw new ArgumentException($"A row has {Stride} values, not {row.Length}.", nameof(row));
        int offset = Count % _rowsPerBlock;
        if (offset == 0) _blocks.Add(new float[(long)_rowsPerBlock * Stride]);
        row.CopyTo(_blocks[^1].AsSpan(offset * Stride, Stride));
        Count++;
    }

    /// <inheritdoc/>
    public void Read(int row, Span<float> destination)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)row, (uint)Count, nameof(row));
        _blocks[row / _rowsPerBlock].AsSpan(row % _rowsPerBlock * Stride, Stride).CopyTo(destination);
    }

    /// <summary>Drops every row (the blocks become garbage).</summary>
    public void Clear()
    {
        _blocks.Clear();
        Count = 0;
    }

    /// <inheritdoc/>
    public void Dispose() => Clear();
}
