namespace Erts.MLNet.Data;

/// <summary>
/// Bad input in an ECG data file (a header, signal, annotation or label file): the message names the file, the
/// line or field when known, the rule that was broken and the offending value.
/// </summary>
/// <remarks>
/// Readers only read: a file that triggers this exception is never modified. A message shows at most 200 characters
/// of any value read from input (longer ones are cut, with their full length), and no line break.
/// </remarks>
public class DataFormatException : FormatException
{
    /// <summary>Creates the exception from its parts; the message is built from them.</summary>
    /// <param name="filePath">The file that broke the rule.</param>
    /// <param name="lineNumber">1-based line number in a text file, or null (binary files, whole-file rules).</param>
    /// <param name="field">The field, column or byte range concerned, or null.</param>
    /// <param name="problem">The rule and the offending value, e.g. "sampling frequency must be positive, got '-5'".</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public DataFormatException(string filePath, int? lineNumber, string? field, string problem, Exception? innerException = null)
        : base(BuildMessage(filePath, lineNumber, field, problem), innerException)
    {
        FilePath = filePath;
        LineNumber = lineNumber;
        Field = field;
        Problem = problem;
    }

    /// <summary>The file that broke the rule.</summary>
    public string FilePath { get; }

    /// <summary>1-based line number in a text file, or null.</summary>
    public int? LineNumber { get; }

    /// <summary>The field, column or byte range concerned, or null.</summary>
    public string? Field { get; }

    /// <summary>The rule and the offending value, without the location.</summary>
    public string Problem { get; }

    // The path and the field may hold names read from input (a record listed in RECORDS), so they are capped too;
    // values inside the problem are capped where the message is written (EchoedValue.Quote).
    internal static string BuildMessage(string filePath, int? lineNumber, string? field, string problem)
    {
        string path = EchoedValue.Cap(filePath);
        string where = lineNumber is { } line ? $"{path}:{line}" : path;
        return field is null ? $"{where}: {problem}" : $"{where}: field '{EchoedValue.Cap(field)}': {problem}";
    }
}
