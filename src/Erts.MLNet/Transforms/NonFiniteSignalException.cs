namespace Erts.MLNet.Transforms;

/// <summary>A signal holds NaN or an infinity where the pipeline's <see cref="NonFinitePolicy.Fail"/> forbids it.</summary>
public sealed class NonFiniteSignalException : InvalidOperationException
{
    /// <summary>Creates the exception; the message names the column, row, lead and sample.</summary>
    public NonFiniteSignalException(string columnName, long row, int lead, string? leadName, int sample, float value)
        : base($"column '{columnName}', row {row}, lead {(leadName is null ? "" : $"'{leadName}' ")}(index {lead}), sample {sample} is {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}; " +
               "HandleNonFinite(NonFinitePolicy.Fail) rejects non-finite samples (use NonFinitePolicy.Replace to replace them)")
    {
        Row = row;
        Lead = lead;
        Sample = sample;
    }

    /// <summary>Position of the row in the cursor.</summary>
    public long Row { get; }

    /// <summary>Index of the lead.</summary>
    public int Lead { get; }

    /// <summary>Index of the sample within the lead.</summary>
    public int Sample { get; }
}
