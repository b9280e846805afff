using Erts.MLNet.Data.DataViews;
using Erts.MLNet.Data.Wfdb;

namespace Erts.MLNet.Data.Datasets;

/// <summary>
/// The lengths options of the record-level loaders (CinC 2017, CinC 2020): a fixed length every record is cropped or
/// padded to, or whole records up to a maximum; and the view shape they give, read from the headers alone.
/// </summary>
internal static class WholeRecordLengths
{
    /// <summary>Checks a loader's <c>Length</c> and <c>MaximumLength</c> options together.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A length is not positive.</exception>
    /// <exception cref="ArgumentException">Both are set.</exception>
    public static void Check(int? length, int? maximumLength)
    {
        if (length is <= 0) throw new ArgumentOutOfRangeException("Length", length, "must be positive, or null for whole records");
        if (maximumLength is <= 0) throw new ArgumentOutOfRangeException("MaximumLength", maximumLength, "must be positive, or null for the longest record");
        if (length != null && maximumLength != null)
            throw new ArgumentException(
                $"Length ({length}) crops or pads every record to one length; MaximumLength ({maximumLength}) keeps whole records up to it: set one of them, not both (MaximumLength needs Length = null)",
                "MaximumLength");
    }

    /// <summary>
    /// The shape of a view of <paramref name="records"/>: the first record's leads, lead names and rate; then
    /// <paramref name="length"/> samples, or, when it is null, whole records up to <paramref name="maximumLength"/>
    /// or else the longest record's sample count (<c>sig_len</c>). Reads headers only (all of them for the
    /// longest record): every split then has the same shape, so a model fitted on one applies to the others.
    /// </summary>
    /// <exception cref="InvalidOperationException">There is no record.</exception>
    /// <exception cref="WfdbFormatException">A header is missing or malformed.</exception>
    public static EcgSignalShape Shape(string folder, IReadOnlyList<LabelledRecord> records, int? length, int? maximumLength)
    {
        if (records.Count == 0) throw new InvalidOperationException($"the dataset at '{folder}' has no record, so no signal shape");
        WfdbHeader first = WfdbHeader.Read(HeaderPath(folder, records[0].RecordId));
        int leads = first.Signals.Count;
        string[] names = first.Signals.Select(s => s.Description).ToArray();
        float rate = (float)first.SamplingFrequency;
        if (length is { } fixedLength) return new EcgSignalShape(leads, fixedLength, names, rate);
        long samples = maximumLength ?? records.Max(r => SampleCount(folder, r.RecordId));
        if (samples > int.MaxValue / leads)
            throw new InvalidOperationException($"the longest record at '{folder}' has {samples} samples per lead, more than a view holds; set MaximumLength");
        return EcgSignalShape.UpTo(leads, (int)samples, names, rate);
    }

    // sig_len is optional in WFDB; without it the signal file's size says (WfdbRecord.Open reads no sample).
    private static long SampleCount(string folder, string recordId) =>
        WfdbHeader.Read(HeaderPath(folder, recordId)).SampleCount ?? WfdbRecord.Open(Path.Combine(folder, recordId)).SampleCount;

    private static string HeaderPath(string folder, string recordId) => Path.Combine(folder, recordId + ".hea");
}
