namespace Erts.MLNet.Data.DataViews;

/// <summary>
/// The shape every row of an ECG view has: leads x samples at one sampling rate, with named leads; either every
/// record fills the samples, or (<see cref="VariableLength"/>) whole records of different lengths up to them.
/// </summary>
public sealed record EcgSignalShape
{
    /// <summary>Creates a shape after checking that the values are consistent.</summary>
    /// <param name="leads">Number of leads, at least 1.</param>
    /// <param name="samples">Samples per lead, at least 1.</param>
    /// <param name="leadNames">One name per lead, in signal order.</param>
    /// <param name="samplingRate">Samples per second per lead (Hz), positive and finite.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count or the rate is not positive.</exception>
    /// <exception cref="ArgumentException"><paramref name="leadNames"/> does not have one name per lead.</exception>
    public EcgSignalShape(int leads, int samples, IReadOnlyList<string> leadNames, float samplingRate)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(leads, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, 1);
        ArgumentNullException.ThrowIfNull(leadNames);
        if (leadNames.Count != leads)
            throw new ArgumentException($"leadNames has {leadNames.Count} names; it must have one per lead ({leads}).", nameof(leadNames));
        if (!(samplingRate > 0) || float.IsInfinity(samplingRate))
            throw new ArgumentOutOfRangeException(nameof(samplingRate), samplingRate, "The sampling rate must be a positive, finite number of Hz.");
        if ((long)leads * samples > int.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(samples), samples, $"leads x samples ({leads} x {samples}) exceeds the largest vector ML.NET holds.");
        Leads = leads;
        Samples = samples;
        LeadNames = leadNames.ToArray();
        SamplingRate = samplingRate;
    }

    /// <summary>
    /// A shape for whole records of different lengths, up to <paramref name="maximumSamples"/> per lead: a view of it
    /// zero-pads every shorter record at the end and gives each row's own length in a <c>SignalLength</c> column
    /// (<see cref="EcgColumns.SignalLength"/>); a longer record is an error naming it.
    /// </summary>
    /// <param name="leads">Number of leads, at least 1.</param>
    /// <param name="maximumSamples">Samples per lead of the longest record allowed (the view's signal length), at least 1.</param>
    /// <param name="leadNames">One name per lead, in signal order.</param>
    /// <param name="samplingRate">Samples per second per lead (Hz), positive and finite.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count or the rate is not positive.</exception>
    /// <exception cref="ArgumentException"><paramref name="leadNames"/> does not have one name per lead.</exception>
    public static EcgSignalShape UpTo(int leads, int maximumSamples, IReadOnlyList<string> leadNames, float samplingRate) =>
        new(leads, maximumSamples, leadNames, samplingRate) { VariableLength = true };

    /// <summary>The shape of one example (its leads, length, lead names and rate).</summary>
    /// <param name="example">Any example of the dataset.</param>
    public static EcgSignalShape Of(EcgExample example) =>
        new(example.Leads, example.Length, example.LeadNames, example.SamplingRate);

    /// <summary>
    /// The shape of a list of examples held in memory: the first example's leads, lead names and rate; its length when
    /// every example has that length, else <see cref="UpTo"/> the longest example's length.
    /// </summary>
    /// <param name="examples">At least one example.</param>
    /// <exception cref="ArgumentException"><paramref name="examples"/> is empty.</exception>
    public static EcgSignalShape Enclosing(IReadOnlyList<EcgExample> examples)
    {
        ArgumentNullException.ThrowIfNull(examples);
        if (examples.Count == 0)
            throw new ArgumentException("Cannot infer the signal shape from an empty list; pass the shape.", nameof(examples));
        var first = Of(examples[0]);
        // Only lengths are compared here; Check then reports any other difference naming the record.
        int longest = examples.Max(e => e?.Signal is null ? 0 : e.Length);
        bool sameLength = examples.All(e => e?.Signal is null || e.Length == first.Samples);
        return sameLength ? first : UpTo(first.Leads, longest, first.LeadNames, first.SamplingRate);
    }

    /// <summary>Number of leads.</summary>
    public int Leads { get; }

    /// <summary>
    /// Samples per lead of every row's signal: every record's length, or, with <see cref="VariableLength"/>, the
    /// longest record's (the shorter ones are zero-padded to it).
    /// </summary>
    public int Samples { get; }

    /// <summary>
    /// Whether records may be shorter than <see cref="Samples"/>: each is then zero-padded at the end, and the view
    /// has an Int32 <c>SignalLength</c> column (<see cref="EcgColumns.SignalLength"/>) holding the samples per lead that
    /// are the record. False (the default): every record has exactly <see cref="Samples"/> and there is no such column.
    /// </summary>
    public bool VariableLength { get; init; }

    /// <summary>Lead names in signal order.</summary>
    public IReadOnlyList<string> LeadNames { get; }

    /// <summary>Samples per second per lead (Hz).</summary>
    public float SamplingRate { get; }

    /// <summary>Values in one signal: <see cref="Leads"/> x <see cref="Samples"/>.</summary>
    public int Values => Leads * Samples;

    /// <summary>
    /// Throws <see cref="EcgShapeException"/> naming the record when <paramref name="example"/> does not have this
    /// shape (lead count, samples per lead, sampling rate). With <see cref="VariableLength"/> any length from 1 to
    /// <see cref="Samples"/> fits. Lead names are not compared: some datasets (mitdb) vary the second lead between
    /// records, and the loader decides what the view's names mean.
    /// </summary>
    /// <param name="example">The example to check.</param>
    /// <exception cref="EcgShapeException">The example does not fit.</exception>
    public void Check(EcgExample example)
    {
        ArgumentNullException.ThrowIfNull(example);
        if (example.Signal is null)
            throw new EcgShapeException(example.RecordId, "Signal is null.");
        if (VariableLength)
            CheckWholeRecord(example);
        else if (example.Leads != Leads || example.Signal.Length != Values)
            throw new EcgShapeException(example.RecordId,
                $"its signal has {example.Leads} leads and {example.Signal.Length} values; the view expects {Leads} leads x {Samples} samples = {Values} values (crop, pad or resample in the loader).");
        if (Math.Abs(example.SamplingRate - SamplingRate) > 1e-4f * SamplingRate)
            throw new EcgShapeException(example.RecordId,
                $"its sampling rate is {example.SamplingRate} Hz; the view expects {SamplingRate} Hz (resample in the loader).");
    }

    private void CheckWholeRecord(EcgExample example)
    {
        if (example.Leads != Leads || example.Signal.Length % Leads != 0)
            throw new EcgShapeException(example.RecordId,
                $"its signal has {example.Leads} leads and {example.Signal.Length} values; the view expects {Leads} leads x up to {Samples} samples (a multiple of {Leads} values).");
        if (example.Length == 0)
            throw new EcgShapeException(example.RecordId, "its signal has no sample; a view of whole records needs at least 1 per lead.");
        if (example.Length > Samples)
            throw new EcgShapeException(example.RecordId,
                $"it is {example.Length} samples per lead long; the view holds whole records of up to {Samples} (state a larger maximum, or crop in the loader).");
    }
}
