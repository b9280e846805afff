using Erts.MLNet.Data.Wfdb;

namespace Erts.MLNet.Data.Datasets;

/// <summary>
/// The part record-level loaders share: stratify labelled records into splits, then read each record of a split
/// lazily, cropped or zero-padded to a fixed length.
/// </summary>
internal static class FixedLengthRecordReader
{
    /// <summary>Attaches a seeded stratified split to (record, label) pairs.</summary>
    public static IReadOnlyList<LabelledRecord> Stratify(IReadOnlyList<(string RecordId, string Label)> records, SplitFractions fractions, int seed)
    {
        DatasetSplit[] splits = StratifiedSplit.Assign(records.Select(r => r.Label).ToArray(), fractions, seed);
        return records.Select((r, i) => new LabelledRecord(r.RecordId, r.Label, splits[i])).ToArray();
    }

    /// <summary>Reads the records of a split, all leads, in mV; <paramref name="length"/> null keeps each record's own length.</summary>
    public static IEnumerable<EcgExample> Load(string folder, IEnumerable<LabelledRecord> records, DatasetSplit split,
        int? length, CropPosition crop, WfdbReadOptions readOptions)
    {
        if (length is <= 0) throw new ArgumentOutOfRangeException(nameof(length), length, "must be positive, or null for each record's own length");
        foreach (LabelledRecord entry in records)
        {
            if (split != DatasetSplit.All && entry.Split != split) continue;
            WfdbRecord record = WfdbRecord.Open(Path.Combine(folder, entry.RecordId), readOptions);
            int[] leads = RecordSignals.Resolve(record, null)!;
            int target = length ?? (int)record.SampleCount;
            var (start, available) = FixedLength.Window(record.SampleCount, target, crop);
            float[] signal = RecordSignals.ReadMillivolts(record, leads, start, available);
            yield return new EcgExample(entry.RecordId, null, FixedLength.Pad(signal, leads.Length, available, target),
                leads.Length, (float)record.SamplingFrequency, entry.Label, RecordSignals.Names(record, leads));
        }
    }
}
