using System.Security.Cryptography;

namespace Erts.MLNet.Data.Download;

/// <summary>
/// A <c>SHA256SUMS.txt</c> checksum list as produced by <c>sha256sum</c>: one "<c>HASH  PATH</c>" line per file (a
/// '*' before the path marks binary mode). PhysioNet publishes one per dataset version.
/// </summary>
public sealed class Sha256Sums
{
    private Sha256Sums(IReadOnlyList<(string Path, string Hash)> entries) => Entries = entries;

    /// <summary>Files and their lower-case hex SHA-256, in list order.</summary>
    public IReadOnlyList<(string Path, string Hash)> Entries { get; }

    /// <summary>Parses the text of a checksum list.</summary>
    /// <param name="text">The file's content.</param>
    /// <param name="source">Where the text came from, for error messages.</param>
    /// <exception cref="FormatException">A line is not "HASH PATH" with a 64-digit hex hash, or a path escapes the folder.</exception>
    public static Sha256Sums Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        var entries = new List<(string, string)>();
        var lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].TrimEnd('\r');
            if (line.Trim().Length == 0) continue;
            int space = line.IndexOf(' ');
            string hash = space < 0 ? line : line[..space];
            string path = space < 0 ? string.Empty : line[(space + 1)..].TrimStart(' ').TrimStart('*');
            if (hash.Length != 64 || !hash.All(Uri.IsHexDigit) || path.Length == 0)
                throw new FormatException($"{source} line {i + 1}: expected '<64 hex digits> <path>', got '{line}'.");
            if (path.StartsWith('/') || path.Split('/').Contains(".."))
                throw new FormatException($"{source} line {i + 1}: path '{path}' must stay inside the dataset folder.");
            entries.Add((path, hash.ToLowerInvariant()));
        }
        return new Sha256Sums(entries);
    }

    /// <summary>The lower-case hex SHA-256 of a file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="cancellationToken">Stops hashing.</param>
    public static async Task<string> HashFileAsync(string path, CancellationToken cancellationToken = default)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        byte[] hash = await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false);
        return Convert.ToHexStringLower(hash);
    }
}
