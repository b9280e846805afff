using System.Globalization;
using Erts.MLNet.Data;

namespace Erts.MLNet.Transforms;

/// <summary>
/// A signal holds NaN or an infinity where it is not allowed: under the pipeline's <see cref="NonFinitePolicy.Fail"/>,
/// in the data given to the ERTS trainer, or in the input of a trained ERTS model.
/// </summary>
public sealed class NonFiniteSignalException : NonFiniteValueException
{
    /// <summary>The rule <see cref="NonFiniteTransformer"/> applies under <see cref="NonFinitePolicy.Fail"/>.</summary>
    private const string FailPolicyRule =
        "HandleNonFinite(NonFinitePolicy.Fail) rejects non-finite samples (use NonFinitePolicy.Replace to replace them)";

    /// <summary>Creates the exception of <see cref="NonFinitePolicy.Fail"/>; the message names the column, row, lead and sample.</summary>
    public NonFiniteSignalException(string columnName, long row, int lead, string? leadName, int sample, float value)
        : this(columnName, row, recordId: null, lead, leadName, sample, value, FailPolicyRule)
    {
    }

    /// <summary>Creates the exception with the record id and the rule of the component that refused the sample.</summary>
    internal NonFiniteSignalException(string columnName, long row, string? recordId, int lead, string? leadName, int sample, float value, string remedy)
        : base($"column '{columnName}', {DescribeRow(row, recordId)}, lead {(leadName is null ? "" : $"'{leadName}' ")}(index {lead}), sample {sample} " +
               $"is {value.ToString(CultureInfo.InvariantCulture)}; {remedy}", columnName, row, recordId, value)
    {
        Lead = lead;
        Sample = sample;
    }

    /// <summary>Index of the lead.</summary>
    public int Lead { get; }

    /// <summary>Index of the sample within the lead.</summary>
    public int Sample { get; }
}
