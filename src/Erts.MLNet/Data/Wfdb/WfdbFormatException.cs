namespace Erts.MLNet.Data.Wfdb;

/// <summary>
/// A WFDB header, signal or annotation file that cannot be read as the WFDB format specifies
/// (truncated file, unknown signal format, header/data length mismatch, bad checksum, ...).
/// </summary>
/// <remarks>The message names the file, the header line number when known, the field and the value.</remarks>
public sealed class WfdbFormatException : DataFormatException
{
    /// <inheritdoc cref="DataFormatException(string, int?, string?, string, Exception?)"/>
    public WfdbFormatException(string filePath, int? lineNumber, string? field, string problem, Exception? innerException = null)
        : base(filePath, lineNumber, field, problem, innerException)
    {
    }
}
