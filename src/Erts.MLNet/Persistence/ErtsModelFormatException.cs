namespace Erts.MLNet.Persistence;

/// <summary>
/// A model file (or the ERTS part of one) cannot be read: it is truncated, corrupt, not an ML.NET model, or an
/// ML.NET model without an ERTS classifier. The message names the file and what was wrong.
/// </summary>
public sealed class ErtsModelFormatException : IOException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, naming the file when known.</param>
    /// <param name="filePath">The model file, when known.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public ErtsModelFormatException(string message, string? filePath = null, Exception? innerException = null)
        : base(message, innerException)
    {
        FilePath = filePath;
    }

    /// <summary>The model file, when known.</summary>
    public string? FilePath { get; }
}
