using Mono.Unix;

namespace Erts.MLNet.Persistence;

/// <summary>
/// Refuses a model path that is not a regular file, checked without opening it: opening a FIFO for reading blocks
/// until a writer appears (for ever, typically), and a device such as <c>/dev/zero</c> never ends.
/// </summary>
internal static class RegularFile
{
    /// <summary>Checks that <paramref name="path"/> (after following symbolic links) is a regular file.</summary>
    /// <param name="path">The model file.</param>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="ErtsModelFormatException">It is a FIFO, a device, a socket or a directory.</exception>
    public static void Require(string path)
    {
        if (Directory.Exists(path))
            throw new ErtsModelFormatException($"'{path}' is a directory, not a model file.", path);
        if (!File.Exists(path)) throw new FileNotFoundException($"Model file not found: '{path}'.", path);
        // Windows has no FIFOs or devices in the file namespace; there File.Exists already means a file.
        if (OperatingSystem.IsWindows()) return;
        var type = new UnixFileInfo(path).FileType;   // stat(2): follows symbolic links, does not open the file
        if (type != FileTypes.RegularFile)
            throw new ErtsModelFormatException($"'{path}' is not a regular file (it is a {Describe(type)}); a model must be a file on disk.", path);
    }

    private static string Describe(FileTypes type) => type switch
    {
        FileTypes.Fifo => "FIFO (named pipe)",
        FileTypes.CharacterDevice => "character device",
        FileTypes.BlockDevice => "block device",
        FileTypes.Socket => "socket",
        _ => type.ToString(),
    };
}
