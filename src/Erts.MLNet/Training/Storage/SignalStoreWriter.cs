namespace Erts.MLNet.Training.Storage;

/// <summary>
/// Collects rows as a data view is read: in memory while they fit in <c>memoryLimitBytes</c>, then the rows so far
/// move to a temporary file and every later row is appended there. One pass over the view, so the view itself may
/// be a stream (generated, or decoded from files on the fly).
/// </summary>
internal sealed class SignalStoreWriter(int stride, long memoryLimitBytes, string spillFolder) : IDisposable
{
    private MemorySignalStore? _memory = new(stride);
    private FileSignalStore? _file;

    /// <summary>True once the rows went to a temporary file.</summary>
    public bool Spilled => _file is not null;

    /// <summary>Appends one row, spilling to disk when the memory limit would be exceeded.</summary>
    public void Append(ReadOnlySpan<float> row)
    {
        if (_memory is { } memory && memory.BytesInMemory + (long)stride * sizeof(float) > memoryLimitBytes)
        {
            _file = new FileSignalStore(stride, spillFolder);
            var buffer = new float[stride];
            for (int i = 0; i < memory.Count; i++)
            {
                memory.Read(i, buffer);
                _file.Append(buffer);
            }
            memory.Clear();
            _memory = null;
        }
        if (_file is not null) _file.Append(row);
        else _memory!.Append(row);
    }

    /// <summary>The store of every row appended; the caller owns (and disposes) it.</summary>
    public ISignalStore Complete()
    {
        ISignalStore store = (ISignalStore?)_file ?? _memory!;
        _file = null;
        _memory = null;
        return store;
    }

    /// <summary>Deletes what was collected if <see cref="Complete"/> was not called (an error while reading).</summary>
    public void Dispose()
    {
        _file?.Dispose();
        _memory?.Dispose();
    }
}
