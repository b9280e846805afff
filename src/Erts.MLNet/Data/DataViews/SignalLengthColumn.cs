using Microsoft.ML;
using Microsoft.ML.Data;

namespace Erts.MLNet.Data.DataViews;

/// <summary>
/// The per-row <see cref="EcgColumns.SignalLength"/> column of a view of whole records of different lengths: finding
/// it in a schema and checking a row's value against the signal it describes.
/// </summary>
/// <remarks>
/// The one place that knows the column's rules, so the view, <c>ToEcgExamples</c> and the transforms agree: an Int32
/// named <c>SignalLength</c>, and each row's value in [1, samples per lead of the signal].
/// </remarks>
internal static class SignalLengthColumn
{
    /// <summary>The schema's <c>SignalLength</c> column, or null when it has none (every row fills its signal).</summary>
    /// <param name="schema">The schema searched.</param>
    /// <param name="reject">Turns a broken rule (a phrase naming the column, the rule and what was found) into the caller's exception.</param>
    public static DataViewSchema.Column? Find(DataViewSchema schema, Func<string, Exception> reject)
    {
        var column = schema.GetColumnOrNull(EcgColumns.SignalLength);
        if (column is { Type: var type } && type != NumberDataViewType.Int32)
            throw reject($"column '{EcgColumns.SignalLength}' must be Int32 (samples per lead that hold the record); it is {type}");
        return column;
    }

    /// <summary>
    /// Returns <paramref name="length"/> when it lies in [1, <paramref name="samples"/>], else throws a
    /// <see cref="SignalLengthException"/> naming the row, the column and the signal.
    /// </summary>
    /// <param name="length">The row's value.</param>
    /// <param name="samples">Samples per lead of the signal column it describes.</param>
    /// <param name="signalColumnName">That signal column.</param>
    /// <param name="row">The row's position in the cursor.</param>
    /// <param name="reader">Who reads it, for the message (e.g. "Resample").</param>
    public static int Check(int length, int samples, string signalColumnName, long row, string reader) =>
        length >= 1 && length <= samples
            ? length
            : throw new SignalLengthException(row, length,
                $"{reader}: row {row}: column '{EcgColumns.SignalLength}' holds {length}; it must be between 1 and {samples}, " +
                $"the samples per lead of column '{signalColumnName}'");
}
