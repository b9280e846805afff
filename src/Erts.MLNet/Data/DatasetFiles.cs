using Mono.Unix;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Erts.MLNet.Data;

/// <summary>
/// The one place where data files are found and opened: paths written in data (a header's signal file name, a
/// label file's record id, a <c>RECORDS</c> line, PTB-XL's <c>filename_lr</c>) are resolved inside their dataset
/// folder, and only regular files of a bounded size are read.
/// </summary>
/// <remarks>
/// <para>A data file is untrusted input: a name such as <c>../../etc/shadow</c>, an absolute path or a symbolic link
/// leading out of the folder would make the loaders read (train on, draw, describe in an error) a file the dataset
/// does not own. A FIFO or a device (<c>/dev/zero</c>) in place of a file would block forever or never end.</para>
/// <para>Each method takes a <c>fail</c> function that turns the problem text into the caller's exception, so the
/// caller names its own file, line and field (and the WFDB readers keep throwing <c>WfdbFormatException</c>).</para>
/// </remarks>
internal static class DatasetFiles
{
    /// <summary>
    /// Largest label file or table read (<c>REFERENCE.csv</c>, <c>RECORDS</c>, <c>ptbxl_database.csv</c>), in bytes:
    /// 64 MiB, ten times PTB-XL's 21,799-row table.
    /// </summary>
    public const long MaxTextFileBytes = 64L << 20;


    // Linux's limit on symbolic links followed while resolving one path (ELOOP); a cycle ends here.
    private const int MaxLinkHops = 40;


    /// <summary>
    /// The full path of <paramref name="relativePath"/> inside <paramref name="folder"/>, after checking that it
    /// stays there: not empty, not absolute, no <c>..</c> segment, and no symbolic link on the way whose target lies
    /// outside the folder (links inside it are followed). The file need not exist.
    /// </summary>
    /// <param name="folder">The dataset folder (or, for a header's signal files, the header's folder).</param>
    /// <param name="relativePath">The path as written in the data.</param>
    /// <param name="fail">Makes the exception from the problem text, naming the data file, line and field.</param>
    public static string Resolve(string folder, string relativePath, Func<string, DataFormatException> fail)
    {
        if (string.IsNullOrWhiteSpace(relativePath)) throw fail("a file name is empty");
        if (relativePath.Contains('\0')) throw fail($"the file name {EchoedValue.Quote(relativePath)} contains a NUL character");
        if (Path.IsPathRooted(relativePath))
            throw fail($"the file name {EchoedValue.Quote(relativePath)} is absolute; data may only name files inside the dataset folder");
        string[] segments = relativePath.Split(['/', Path.DirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
        // '..' is refused outright, even when it would come back inside: after a symbolic link the operating system
        // resolves '..' from the link's target, not from the text, so the text alone cannot say where it leads.
        if (segments.Contains(".."))
            throw fail($"the file name {EchoedValue.Quote(relativePath)} contains '..'; data may only name files inside the dataset folder");

        string root = Path.GetFullPath(folder);
        string path = Path.GetFullPath(Path.Combine(root, relativePath));
        string physical = root;
        bool followedLink = false;
        int hops = 0;
        foreach (string segment in segments)
        {
            string next = Path.Combine(physical, segment);
            if (new FileInfo(next).LinkTarget is null) physical = next;
            else
            {
                followedLink = true;
                physical = PhysicalPath(next, ref hops) ?? throw fail($"the file name {EchoedValue.Quote(relativePath)} leads through more than {MaxLinkHops} symbolic links");
            }
        }
        // Without a link below the folder the path stays in it, whatever links lead to the folder itself.
        if (!followedLink) return path;
        string physicalRoot = PhysicalPath(root, ref hops) ?? root;
        if (!IsInside(physical, physicalRoot))
            throw fail($"the file name {EchoedValue.Quote(relativePath)} is a symbolic link to {EchoedValue.Quote(physical)}, outside the dataset folder {EchoedValue.Quote(physicalRoot)}");
        return path;
    }

    /// <summary>
    /// Checks, without opening it, that <paramref name="path"/> is a regular file (after symbolic links): opening a
    /// FIFO for reading blocks until a writer comes, and a device such as <c>/dev/zero</c> never ends.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="fail">Makes the exception from the problem text ("not found", "is a directory", ...).</param>
    public static void RequireRegularFile(string path, Func<string, DataFormatException> fail)
    {
        if (FileType(path) is { } type)
        {
            if (type == FileTypes.RegularFile) return;
            throw fail(type == FileTypes.Directory ? "is a directory, not a file" : "is not a regular file (a FIFO, device or socket); refused, since reading it may never end");
        }
        // No stat (Windows): the attributes tell directories and devices apart, and FIFOs do not appear as files there.
        if (!File.Exists(path)) throw fail(System.IO.Directory.Exists(path) ? "is a directory, not a file" : "not found");
        if ((File.GetAttributes(path) & FileAttributes.Device) != 0) throw fail("is a device, not a regular file");
    }

    /// <summary>
    /// Reads a regular file of at most <paramref name="maxBytes"/> bytes: the size is checked before anything is
    /// allocated, so a huge or sparse file costs nothing.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="maxBytes">Largest size accepted.</param>
    /// <param name="fail">Makes the exception from the problem text, naming <paramref name="path"/>.</param>
    public static byte[] ReadAllBytes(string path, long maxBytes, Func<string, DataFormatException> fail)
    {
        RequireRegularFile(path, fail);
        using SafeFileHandle handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        long length = RandomAccess.GetLength(handle);
        if (length > maxBytes)
            throw fail($"is {length} bytes, more than the {maxBytes} bytes accepted for this kind of file");
        var bytes = new byte[length];
        int done = 0;
        while (done < bytes.Length)
        {
            int read = RandomAccess.Read(handle, bytes.AsSpan(done), done);
            if (read == 0) break; // Shrunk while being read: what was there is all there is.
            done += read;
        }
        return done == bytes.Length ? bytes : bytes[..done];
    }

    /// <summary>Reads a regular text file of at most <paramref name="maxBytes"/> bytes, decoded as <see cref="File.ReadAllText(string)"/> does (UTF-8 unless a byte order mark says otherwise).</summary>
    /// <param name="path">The file.</param>
    /// <param name="maxBytes">Largest size accepted.</param>
    /// <param name="fail">Makes the exception from the problem text, naming <paramref name="path"/>.</param>
    public static string ReadAllText(string path, long maxBytes, Func<string, DataFormatException> fail)
    {
        using var reader = new StreamReader(new MemoryStream(ReadAllBytes(path, maxBytes, fail)), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    // The path with every symbolic link on it followed (as realpath(3)), or null after too many links. Components
    // that do not exist are kept as written.
    private static string? PhysicalPath(string fullPath, ref int hops)
    {
        string root = Path.GetPathRoot(fullPath) ?? "";
        string current = root;
        foreach (string segment in fullPath[root.Length..].Split(['/', Path.DirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries))
        {
            string next = segment switch
            {
                "." => current,
                ".." => Path.GetDirectoryName(current) ?? current,
                _ => Path.Combine(current, segment),
            };
            string? target = segment is "." or ".." ? null : new FileInfo(next).LinkTarget;
            if (target is null) { current = next; continue; }
            if (++hops > MaxLinkHops) return null;
            // A relative target is relative to the folder that holds the link.
            string? resolved = PhysicalPath(Path.GetFullPath(target, current), ref hops);
            if (resolved is null) return null;
            current = resolved;
        }
        return current;
    }

    private static bool IsInside(string path, string folder)
    {
        StringComparison comparison = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        string prefix = Path.EndsInDirectorySeparator(folder) ? folder : folder + Path.DirectorySeparatorChar;
        return path.StartsWith(prefix, comparison);
    }

    // The file's type by stat(2) (links followed, the file not opened), or null on Windows or when the path does not
    // exist. .NET's file APIs do not expose the type: FileAttributes say Normal for a FIFO and for /dev/zero, and
    // FileStream would open (and so block on) a FIFO before it could look.
    private static FileTypes? FileType(string path)
    {
        if (OperatingSystem.IsWindows()) return null;
        var info = new UnixFileInfo(path);
        return info.Exists ? info.FileType : null;
    }
}
