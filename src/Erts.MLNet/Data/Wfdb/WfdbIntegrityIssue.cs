namespace Erts.MLNet.Data.Wfdb;

/// <summary>A header value (checksum or initial value) that disagrees with the decoded samples.</summary>
/// <param name="SignalIndex">0-based signal index.</param>
/// <param name="Field">WFDB field name: "checksum" or "init_value".</param>
/// <param name="HeaderValue">The value written in the header.</param>
/// <param name="ComputedValue">The value computed from the samples (checksum: the 16-bit sum, 0..65535).</param>
public sealed record WfdbIntegrityIssue(int SignalIndex, string Field, int HeaderValue, int ComputedValue);
