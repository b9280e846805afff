namespace Erts.MLNet.Data.DataViews;

/// <summary>
/// The fixed shape every row of an ECG view has: leads x samples at one sampling rate, with named leads.
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

    /// <summary>The shape of one example (its leads, length, lead names and rate).</summary>
    /// <param name="example">Any example of the dataset.</param>
    public static EcgSignalShape Of(EcgExample example) =>
        new(example.Leads, example.Length, example.LeadNames, example.SamplingRate);

    /// <summary>Number of leads.</summary>
    public int Leads { get; }

    /// <summary>Samples per lead.</summary>
    public int Samples { get; }

    /// <summary>Lead names in signal order.</summary>
    public IReadOnlyList<string> LeadNames { get; }

    /// <summary>Samples per second per lead (Hz).</summary>
    public float SamplingRate { get; }

    /// <summary>Values in one signal: <see cref="Leads"/> x <see cref="Samples"/>.</summary>
    public int Values => Leads * Samples;

    /// <summary>
    /// Throws <see cref="EcgShapeException"/> naming the record when <paramref name="example"/> does not have this
    /// shape (lead count, samples per lead, sampling rate). Lead names are not compared: some datasets (mitdb) vary
    /// the second lead between records, and the loader decides what the view's names mean.
    /// </summary>
    /// <param name="example">The example to check.</param>
    /// <exception cref="EcgShapeException">The example does not fit.</exception>
    public void Check(EcgExample example)
    {
        ArgumentNullException.ThrowIfNull(example);
        if (example.Signal is null)
            throw new EcgShapeException(example.RecordId, "Signal is null.");
        if (example.Leads != Leads || example.Signal.Length != Values)
            throw new EcgShapeException(example.RecordId,
                $"its signal has {example.Leads} leads and {example.Signal.Length} values; the view expects {Leads} leads x {Samples} samples = {Values} values (crop, pad or resample in the loader).");
        if (Math.Abs(example.SamplingRate - SamplingRate) > 1e-4f * SamplingRate)
            throw new EcgShapeException(example.RecordId,
                $"its sampling rate is {example.SamplingRate} Hz; the view expects {SamplingRate} Hz (resample in the loader).");
    }
}
