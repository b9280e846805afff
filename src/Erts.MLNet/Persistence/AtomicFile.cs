namespace Erts.MLNet.Persistence;

/// <summary>Writes files so that readers see either the old content or the complete new one, never a partial file.</summary>
internal static class AtomicFile
{
    /// <summary>
    /// How old an unlocked temporary file must be before it counts as abandoned. A live writer holds a lock on its
    /// file the whole time, so the age only covers the instant between a writer creating its file and locking it.
    /// </summary>
    private static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Writes through <paramref name="write"/> into a temporary file in the target's folder, flushes it to disk and
    /// renames it over <paramref name="path"/>. On failure the temporary file is removed and the target is untouched.
    /// After a successful write, temporary files of the same target left by writers that died (a killed process
    /// cannot delete its own) are removed.
    /// </summary>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string fullPath = Path.GetFullPath(path);
        string temporary = Path.Combine(Path.GetDirectoryName(fullPath)!, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            // No sharing: the lock tells RemoveAbandoned that this writer is alive.
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, fullPath, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
        RemoveAbandoned(fullPath);
    }

    /// <summary>
    /// Deletes <c>.&lt;name&gt;.*.tmp</c> files beside <paramref name="fullPath"/> that no process holds and that are
    /// older than <see cref="AbandonedAfter"/>: opening one with no sharing succeeds only when its writer is gone
    /// (the operating system drops a dead process's locks), and delete-on-close removes it under that lock.
    /// </summary>
    private static void RemoveAbandoned(string fullPath)
    {
        string folder = Path.GetDirectoryName(fullPath)!;
        foreach (string candidate in Directory.EnumerateFiles(folder, $".{Path.GetFileName(fullPath)}.*.tmp"))
        {
            try
            {
                if (DateTime.UtcNow - File.GetLastWriteTimeUtc(candidate) < AbandonedAfter) continue;
                using (new FileStream(candidate, FileMode.Open, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose))
                {
                }
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                // A live writer holds it, another cleaner got there first, or it is not ours to delete: leave it.
            }
        }
    }
}
