using System.Security.Cryptography;

namespace Erts.Cli.Runs;

/// <summary>
/// Checks a dataset folder against its <c>SHA256SUMS.txt</c> (lines "&lt;hex digest&gt;  &lt;relative path&gt;", the
/// format of <c>sha256sum</c>, which PhysioNet publishes beside its datasets).
/// </summary>
internal static class ChecksumVerifier
{
    /// <summary>The checksum file name.</summary>
    public const string FileName = "SHA256SUMS.txt";

    /// <summary>The outcome: files checked and the problems found (missing or different files).</summary>
    /// <param name="Checked">Files listed and compared.</param>
    /// <param name="Problems">One line per missing or different file.</param>
    public sealed record Result(int Checked, IReadOnlyList<string> Problems);

    /// <summary>Verifies <paramref name="folder"/>; null when it has no checksum file.</summary>
    /// <exception cref="FormatException">A line of the checksum file is not "&lt;64 hex digits&gt; &lt;path&gt;".</exception>
    public static Result? Verify(string folder)
    {
        string sums = Path.Combine(folder, FileName);
        if (!File.Exists(sums)) return null;
        int checkedCount = 0, lineNumber = 0;
        var problems = new List<string>();
        foreach (string line in File.ReadLines(sums))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            int space = line.IndexOf(' ');
            string expected = space < 0 ? "" : line[..space];
            if (expected.Length != 64 || !expected.All(char.IsAsciiHexDigit))
                throw new FormatException($"{sums} line {lineNumber}: expected '<64 hex digits>  <path>', got '{line}'.");
            string relative = line[(space + 1)..].TrimStart(' ', '*');
            string path = Path.Combine(folder, relative);
            checkedCount++;
            if (!File.Exists(path))
            {
                problems.Add($"{relative}: missing");
                continue;
            }
            using var stream = File.OpenRead(path);
            string actual = Convert.ToHexStringLower(SHA256.HashData(stream));
            if (!string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase))
                problems.Add($"{relative}: SHA-256 {actual[..12]}... differs from {expected[..12]}...");
        }
        return new Result(checkedCount, problems);
    }
}
