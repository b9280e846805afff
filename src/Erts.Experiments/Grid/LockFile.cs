namespace Erts.Experiments.Grid;

/// <summary>
/// An exclusive lock between grid processes: a file opened with no sharing (.NET takes an exclusive <c>flock</c> on
/// Unix). The operating system drops the lock when the process ends, however it ends, so a killed run never leaves
/// one held. The file itself stays: deleting it on release would let a waiting process lock the deleted file while
/// a third locks a new one of the same name.
/// </summary>
internal static class LockFile
{
    /// <summary>Locks <paramref name="path"/> (creating it and its folder), or returns null when another holder has it.</summary>
    public static FileStream? TryTake(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>
    /// Waits, polling every 100 ms, for the lock <c>.NAME.lock</c> beside <paramref name="file"/> (a save takes
    /// milliseconds); dispose the result to release it.
    /// </summary>
    /// <exception cref="IOException">Another holder kept it for a minute.</exception>
    public static FileStream WaitBeside(string file)
    {
        string full = Path.GetFullPath(file);
        string lockPath = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.lock");
        for (int attempt = 0; ; attempt++)
        {
            if (TryTake(lockPath) is { } held) return held;
            if (attempt == 600) throw new IOException($"'{lockPath}' stayed locked for a minute: another process is stuck while saving.");
            Thread.Sleep(100);
        }
    }
}
