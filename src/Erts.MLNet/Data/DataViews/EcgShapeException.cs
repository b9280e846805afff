namespace Erts.MLNet.Data.DataViews;

/// <summary>
/// An ECG example does not have the shape its <see cref="Microsoft.ML.IDataView"/> declares
/// (lead count, samples per lead or sampling rate).
/// </summary>
public sealed class EcgShapeException : InvalidOperationException
{
    /// <summary>Creates the exception for one record.</summary>
    /// <param name="recordId">The record that does not fit.</param>
    /// <param name="problem">What is wrong, with the expected and actual values.</param>
    public EcgShapeException(string recordId, string problem)
        : base($"ECG record '{recordId}' does not fit the view: {problem}")
    {
        RecordId = recordId;
    }

    /// <summary>The record that does not fit.</summary>
    public string RecordId { get; }
}
