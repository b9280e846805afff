using Erts.MLNet.Data.Wfdb;

namespace Erts.MLNet.Data.Datasets;

/// <summary>
/// The part record-level loaders share: stratify labelled records into splits, then read each record of a split
/// lazily, cropped or zero-padded to a fixed length, or whole (cropped only beyond a stated maximum).
/// </summary>
internal static class FixedLengthRecordReader
{
    /// <summary>Attaches a seeded stratified split to (record, label) pairs.</summary>
    public static IReadOnlyList<LabelledRecord> Stratify(IReadOnlyList<(string RecordId, string Label)> records, SplitFractions fractions, int seed)
    {
        DatasetSplit[] splits = StratifiedSplit.Assign(records.Select(r => r.Label).ToArray(), fractions, seed);
        return records.Select((r, i) => new LabelledRecord(r.RecordId, r.Label, splits[i])).ToArray();
    }

    /// <summary>
    /// Reads the records of a split, all leads, in mV: each cropped or zero-padded to <paramref name="length"/>, or,
    /// when it is null, whole (unpadded), cropped at <paramref name="crop"/> only when longer than <paramref name="maximumLength"/>.
    /// </summary>
    public static IEnumerable<EcgExample> Load(string folder, IEnumerable<LabelledRecord> records, DatasetSplit split,
        int? length, int? maximumLength, CropPosition crop, WfdbReadOptions readOptions)
    {
        WholeRecordLengths.Check(length, maximumLength);
        foreach (LabelledRecord entry in records)
        {
            if (split != DatasetSplit.All && entry.Split != split) continue;
            WfdbRecord record = WfdbRecord.Open(Path.Combine(folder, entry.RecordId), readOptions);
            int[] leads = RecordSignals.Resolve(record, null)!;
            int target = length ?? (int)Math.Min(record.SampleCount, maximumLength ?? int.MaxValue);
            // Before padding allocates leads × target values: a header of 240,000 signals overflows an int there.
            RecordSignals.CheckSize(record, leads.Length, target);
            var (start, available) = FixedLength.Window(record.SampleCount, target, crop);
            float[] signal = RecordSignals.ReadMillivolts(record, leads, start, available);
            yield return new EcgExample(entry.RecordId, null, FixedLength.Pad(signal, leads.Length, available, target),
                leads.Length, (float)record.SamplingFrequency, entry.Label, RecordSignals.Names(record, leads));
        }
    }
}
