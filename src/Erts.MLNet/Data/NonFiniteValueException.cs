using System.Globalization;

namespace Erts.MLNet.Data;

/// <summary>
/// A row of a data view holds NaN or an infinity where only finite numbers are allowed: in the signal or the auxiliary
/// features the ERTS trainer reads, in the input of a trained ERTS model, or in its scores. The message names the
/// column, the row (and its record id when the view has one), the value's place in the row, and what to do.
/// </summary>
/// <remarks>
/// <see cref="Transforms.NonFiniteSignalException"/> derives from it for signal samples, so one <c>catch</c> covers
/// every non-finite refusal. Put <c>mlContext.Transforms.Ecg.HandleNonFinite()</c> first in a pipeline to replace such
/// samples instead (a WFDB "invalid" sample reads as NaN by design).
/// </remarks>
public class NonFiniteValueException : InvalidOperationException
{
    /// <summary>Longest record id echoed in the message: ids come from the input.</summary>
    private const int RecordIdEcho = 200;

    /// <summary>Creates the exception; the message is built from the parts.</summary>
    /// <param name="columnName">The column.</param>
    /// <param name="row">0-based position of the row in the view.</param>
    /// <param name="recordId">The row's record id when the view has one, else null.</param>
    /// <param name="place">Where in the row, e.g. "auxiliary feature 3" or "lead 0, sample 17".</param>
    /// <param name="value">The value found.</param>
    /// <param name="remedy">The rule and what to do, e.g. "the ERTS trainer takes finite values only; ...".</param>
    internal NonFiniteValueException(string columnName, long row, string? recordId, string place, float value, string remedy)
        : base(BuildMessage(columnName, row, recordId, place, value, remedy))
    {
        ColumnName = columnName;
        Row = row;
        RecordId = recordId;
        Value = value;
    }

    /// <summary>Creates the exception with a message of the derived type's own.</summary>
    private protected NonFiniteValueException(string message, string columnName, long row, string? recordId, float value)
        : base(message)
    {
        ColumnName = columnName;
        Row = row;
        RecordId = recordId;
        Value = value;
    }

    /// <summary>The column that holds the value.</summary>
    public string ColumnName { get; }

    /// <summary>0-based position of the row in the view (the cursor's position).</summary>
    public long Row { get; }

    /// <summary>The row's <c>RecordId</c> when the view has that column and it was read, else null.</summary>
    public string? RecordId { get; }

    /// <summary>The value found: NaN, positive or negative infinity.</summary>
    public float Value { get; }

    /// <summary>"row 3" or "row 3 (record '100_12')", the record id cut to 200 characters.</summary>
    private protected static string DescribeRow(long row, string? recordId) =>
        recordId is null
            ? $"row {row}"
            : $"row {row} (record '{(recordId.Length <= RecordIdEcho ? recordId : recordId[..RecordIdEcho] + "...")}')";

    private static string BuildMessage(string columnName, long row, string? recordId, string place, float value, string remedy) =>
        $"column '{columnName}', {DescribeRow(row, recordId)}, {place} is {value.ToString(CultureInfo.InvariantCulture)}; {remedy}";
}
