namespace Erts.MLNet.Data.Download;

/// <summary>
/// A file's SHA-256 differs from the one in the dataset's <c>SHA256SUMS.txt</c>: a downloaded file (then deleted), or a
/// file of a local folder being verified (then kept).
/// </summary>
public sealed class DatasetChecksumException : DatasetDownloadException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="uri">Where the file came from.</param>
    /// <param name="file">The file, relative to the dataset root.</param>
    /// <param name="expected">The SHA-256 listed in SHA256SUMS.txt (hex).</param>
    /// <param name="actual">The SHA-256 of the received bytes (hex).</param>
    /// <param name="fileDeleted">True when the bad file was deleted (a download), false when it was kept (a local folder).</param>
    public DatasetChecksumException(Uri uri, string file, string expected, string actual, bool fileDeleted = true)
        : base(uri, $"Checksum mismatch for '{file}' ({uri}): SHA256SUMS.txt lists {expected}, the file has {actual}. " +
                    (fileDeleted ? "The file was deleted; download again." : "The file was kept; restore it or download the dataset again."))
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
