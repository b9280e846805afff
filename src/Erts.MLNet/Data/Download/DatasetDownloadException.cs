namespace Erts.MLNet.Data.Download;

/// <summary>A dataset file could not be fetched (HTTP error, missing file, unusable checksum list).</summary>
public class DatasetDownloadException : IOException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="uri">The address that failed.</param>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public DatasetDownloadException(Uri uri, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Uri = uri;
    }

    /// <summary>The address that failed.</summary>
    public Uri Uri { get; }
}
