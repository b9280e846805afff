namespace Erts.MLNet.Data.Download;

/// <summary>A file's SHA-256 differs from the one in the dataset's <c>SHA256SUMS.txt</c>; the file was deleted.</summary>
public sealed class DatasetChecksumException : DatasetDownloadException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="uri">Where the file came from.</param>
    /// <param name="file">The file, relative to the dataset root.</param>
    /// <param name="expected">The SHA-256 listed in SHA256SUMS.txt (hex).</param>
    /// <param name="actual">The SHA-256 of the received bytes (hex).</param>
    public DatasetChecksumException(Uri uri, string file, string expected, string actual)
        : base(uri, $"Checksum mismatch for '{file}' from {uri}: SHA256SUMS.txt lists {expected}, the received file has {actual}. The file was deleted; download again.")
    {
        File = file;
        Expected = expected;
        Actual = actual;
    }

    /// <summary>The file, relative to the dataset root.</summary>
    public string File { get; }

    /// <summary>The SHA-256 listed in SHA256SUMS.txt (lower-case hex).</summary>
    public string Expected { get; }

    /// <summary>The SHA-256 of the received bytes (lower-case hex).</summary>
    public string Actual { get; }
}
