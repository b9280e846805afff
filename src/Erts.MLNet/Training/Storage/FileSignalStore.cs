using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Erts.MLNet.Training.Storage;

/// <summary>
/// Rows in a temporary file of raw floats, read back by position (<see cref="RandomAccess"/>, no shared file
/// pointer). The operating system's page cache keeps the hot part in memory without counting it against the
/// process. Nothing outlives the process, however it ends: on Linux and macOS the file is unlinked right after it is
/// created (only the open handle reaches it, and the kernel frees it when the handle closes, also on SIGKILL), and
/// on Windows it is opened delete-on-close, which the system honours when a process dies.
/// </summary>
internal sealed class FileSignalStore : ISignalStore
{
    private readonly SafeFileHandle _file;
    private long _length;

    /// <summary>Creates an empty store in a new hidden file in <paramref name="folder"/>.</summary>
    /// <exception cref="IOException">The folder cannot hold a new file (the message names it).</exception>
    public FileSignalStore(int stride, string folder)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(stride, 1);
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        Stride = stride;
        Path = System.IO.Path.Combine(folder, $".erts-signals-{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(folder);
            // .NET emulates delete-on-close on Unix by unlinking in Dispose, which a killed process never reaches.
            bool windows = OperatingSystem.IsWindows();
            _file = File.OpenHandle(Path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, windows ? FileOptions.DeleteOnClose : FileOptions.None);
            if (!windows)
            {
                try
                {
                    File.Delete(Path);
                }
                catch
                {
                    _file.Dispose();
                    throw;
                }
            }
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"Cannot create the temporary training-data file in '{folder}' (set Options.SpillDirectory to a writable folder): {error.Message}", error);
        }
    }

    /// <summary>The temporary file's name (already unlinked on Linux and macOS; kept for messages).</summary>
    public string Path { get; }

    /// <inheritdoc/>
    public int Stride { get; }

    /// <inheritdoc/>
    public int Count { get; private set; }

    /// <inheritdoc/>
    public long BytesInMemory => 0;

    /// <summary>Appends one row.</summary>
    public void Append(ReadOnlySpan<float> row)
    {
        if (row.Length != Stride) throw new ArgumentException($"A row has {Stride} values, not {row.Length}.", nameof(row));
        RandomAccess.Write(_file, MemoryMarshal.AsBytes(row), _length);
        _length += (long)Stride * sizeof(float);
        Count++;
    }

    /// <inheritdoc/>
    public void Read(int row, Span<float> destination)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)row, (uint)Count, nameof(row));
        var bytes = MemoryMarshal.AsBytes(destination[..Stride]);
        long position = (long)row * Stride * sizeof(float);
        for (int done = 0; done < bytes.Length;)
        {
            int read = RandomAccess.Read(_file, bytes[done..], position + done);
            if (read == 0) throw new EndOfStreamException($"The temporary training-data file '{Path}' ended at row {row}.");
            done += read;
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _file.Dispose();
}
