namespace Erts.MLNet.Data;

/// <summary>
/// One labelled ECG as every loader yields it, before it becomes an ML.NET row.
/// </summary>
/// <param name="RecordId">Record (or beat/window) identifier, unique within the dataset, e.g. "100" or "100/beat-1234".</param>
/// <param name="PatientId">Patient identifier when the dataset has one (splits must not share patients), else null.</param>
/// <param name="Signal">Samples in physical units (mV), lead-major: all samples of lead 0, then lead 1, ... (leads x samples).</param>
/// <param name="Leads">Number of leads; <c>Signal.Length</c> is a multiple of it.</param>
/// <param name="SamplingRate">Samples per second per lead (WFDB <c>fs</c>).</param>
/// <param name="Label">Class name, e.g. "NORM" or "AF".</param>
/// <param name="LeadNames">Lead names in signal order (WFDB <c>sig_name</c>), e.g. ["MLII", "V1"].</param>
public sealed record EcgExample(
    string RecordId,
    string? PatientId,
    float[] Signal,
    int Leads,
    float SamplingRate,
    string Label,
    IReadOnlyList<string> LeadNames)
{
    /// <summary>Samples per lead.</summary>
    public int Length => Leads == 0 ? 0 : Signal.Length / Leads;

    /// <summary>
    /// The rhythm context of a beat (RR intervals and their ratios, e.g. <see cref="Datasets.BeatRhythm"/>), or null when
    /// the loader gives none; a view shows it as the <c>Rhythm</c> column.
    /// </summary>
    public FeatureVector? Rhythm { get; init; }
}
