namespace Erts.MLNet.Training;

/// <summary>
/// A training checkpoint cannot be used: it is truncated or corrupt, was written by another format version, or
/// belongs to a different run (other options or data). The message names the file and, for a different run, every
/// setting that differs. Training never silently mixes two runs.
/// </summary>
public sealed class TrainingCheckpointException : IOException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong and what to do, naming the file.</param>
    /// <param name="filePath">The checkpoint file.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public TrainingCheckpointException(string message, string filePath, Exception? innerException = null)
        : base(message, innerException)
    {
        FilePath = filePath;
    }

    /// <summary>The checkpoint file.</summary>
    public string FilePath { get; }
}
