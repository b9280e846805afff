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
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maximumLength"/> × the leads is more than a view holds.</exception>
    /// <exception cref="WfdbFormatException">A header is missing or malformed, the first has no signal, or the longest record is too long for a view.</exception>
    public static EcgSignalShape Shape(string folder, IReadOnlyList<LabelledRecord> records, int? length, int? maximumLength)
    {
        if (records.Count == 0) throw new InvalidOperationException($"the dataset at '{folder}' has no record, so no signal shape");
        WfdbHeader first = WfdbHeader.Read(HeaderPath(folder, records[0].RecordId));
        int leads = first.Signals.Count;
        if (leads == 0)
            throw new WfdbFormatException(first.FilePath, null, "n_sig", "the first record has no signal, so the view would have no lead");
        string[] names = first.Signals.Select(s => s.Description).ToArray();
        float rate = (float)first.SamplingFrequency;
        if (length is { } fixedLength) return new EcgSignalShape(leads, fixedLength, names, rate);
        if (maximumLength is { } maximum)
            return maximum <= int.MaxValue / leads
                ? EcgSignalShape.UpTo(leads, maximum, names, rate)
                : throw new ArgumentOutOfRangeException("MaximumLength", maximum, $"{leads} leads × {maximum} samples is more than a view holds");
        (string longest, long samples) = records.Select(r => (r.RecordId, SampleCount(folder, r.RecordId))).MaxBy(r => r.Item2);
        // Name the record that is too long, not the folder: it is the file to look at.
        if (samples > int.MaxValue / leads)
            throw new WfdbFormatException(HeaderPath(folder, longest), null, "sig_len",
                $"the longest record has {samples} samples per lead, more than a view of {leads} leads holds; set MaximumLength");
        return EcgSignalShape.UpTo(leads, (int)samples, names, rate);
    }

    // sig_len is optional in WFDB; without it the signal file's size says (WfdbRecord.Open reads no sample).
    private static long SampleCount(string folder, string recordId) =>
        WfdbHeader.Read(HeaderPath(folder, recordId)).SampleCount ?? WfdbRecord.Open(Path.Combine(folder, recordId)).SampleCount;

    private static string HeaderPath(string folder, string recordId) => Path.Combine(folder, recordId + ".hea");
}
