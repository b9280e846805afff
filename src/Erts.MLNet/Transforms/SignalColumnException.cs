namespace Erts.MLNet.Transforms;

/// <summary>
/// The signal column given to an ECG transform does not fit it: missing, of the wrong type or size, lacking an
/// annotation the transform needs, or with dimensions the transform cannot handle. The message names the column,
/// the transform, the rule and the value found.
/// </summary>
/// <remarks>Derives from <see cref="ArgumentOutOfRangeException"/>, which is what ML.NET throws for a schema mismatch.</remarks>
public sealed class SignalColumnException : ArgumentOutOfRangeException
{
    /// <summary>Creates the exception for <paramref name="columnName"/>.</summary>
    public SignalColumnException(string columnName, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ColumnName = columnName;
    }

    /// <summary>The input column that failed the check.</summary>
    public string ColumnName { get; }
}
