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
}
