namespace Erts.MLNet.Data.Datasets;

/// <summary>A whole-record label of a record-level dataset (CinC 2017, CinC 2020), and the split it falls in.</summary>
/// <param name="RecordId">Record name, e.g. "A00001".</param>
/// <param name="Label">Class name, e.g. "A" or "AF".</param>
/// <param name="Split">Train, validation or test under the dataset's seeded stratified split.</param>
public sealed record LabelledRecord(string RecordId, string Label, DatasetSplit Split);
