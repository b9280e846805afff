namespace Erts.MLNet.Data.Datasets;

/// <summary>One annotated beat of a MIT-format beat database, without its signal.</summary>
/// <param name="RecordId">Record name, e.g. "100".</param>
/// <param name="PatientId">Subject identifier ("201" for records 201 and 202 of MIT-BIH).</param>
/// <param name="Sample">Sample index of the annotation (the R peak).</param>
/// <param name="Symbol">MIT beat symbol, e.g. "N".</param>
/// <param name="AamiClass">AAMI class N, S, V, F or Q.</param>
/// <param name="Rhythm">Rhythm in effect ("N", "AFIB", ...), or null before the record's first rhythm annotation.</param>
/// <param name="Split">Which part the beat belongs to under the database's <see cref="BeatSplit"/>.</param>
public sealed record MitBeat(string RecordId, string PatientId, long Sample, string Symbol, string AamiClass, string? Rhythm, DatasetSplit Split);
