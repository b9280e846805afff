namespace Erts.MLNet.Data.DataViews;

/// <summary>
/// A row's <see cref="EcgColumns.SignalLength"/> does not fit: outside [1, samples per lead of its signal], or too
/// short for what a transform does with the record. The message names the reader, the row, the column and the rule.
/// </summary>
public sealed class SignalLengthException : InvalidOperationException
{
    /// <summary>Creates the exception for one row.</summary>
    /// <param name="row">Position of the row in the cursor.</param>
    /// <param name="length">The row's <c>SignalLength</c>.</param>
    /// <param name="message">What is wrong, naming the reader, the row, the column and the rule.</param>
    public SignalLengthException(long row, int length, string message)
        : base(message)
    {
        Row = row;
        Length = length;
    }

    /// <summary>Position of the row in the cursor.</summary>
    public long Row { get; }

    /// <summary>The row's <c>SignalLength</c>.</summary>
    public int Length { get; }
}
