namespace Erts.MLNet.Data.Wfdb;

/// <summary>
/// A window of samples read from a <see cref="WfdbRecord"/>, in ADC units, signal-major (all samples of the first
/// signal read, then the next); <see cref="ToPhysical()"/> converts them.
/// </summary>
public sealed class WfdbSignals
{
    internal WfdbSignals(IReadOnlyList<WfdbSignalInfo> signals, long startSample, int length, int[] adc)
    {
        Signals = signals;
        StartSample = startSample;
        Length = length;
        Adc = adc;
    }

    /// <summary>The signals read, in the order of <see cref="Adc"/>.</summary>
    public IReadOnlyList<WfdbSignalInfo> Signals { get; }

    /// <summary>Index in the record of the first sample of the window.</summary>
    public long StartSample { get; }

    /// <summary>Samples per signal.</summary>
    public int Length { get; }

    /// <summary>Samples in ADC units, signal-major: <c>Signals.Count × Length</c>.</summary>
    public int[] Adc { get; }

    /// <summary>The ADC samples of one signal.</summary>
    /// <param name="signal">0-based index into <see cref="Signals"/>.</param>
    public ReadOnlySpan<int> AdcOf(int signal) => Adc.AsSpan(signal * Length, Length);

    /// <summary>All signals in physical units, signal-major; the format's invalid-sample value becomes NaN.</summary>
    public float[] ToPhysical()
    {
        var physical = new float[Adc.Length];
        for (int s = 0; s < Signals.Count; s++) ToPhysical(s, physical.AsSpan(s * Length, Length));
        return physical;
    }

    /// <summary>One signal in physical units: (adu - baseline) / gain; the format's invalid-sample value becomes NaN.</summary>
    /// <param name="signal">0-based index into <see cref="Signals"/>.</param>
    /// <param name="destination">Receives <see cref="Length"/> values.</param>
    /// <param name="scale">Extra factor, e.g. 0.001 to turn µV into mV. Default 1.</param>
    public void ToPhysical(int signal, Span<float> destination, double scale = 1)
    {
        WfdbSignalInfo info = Signals[signal];
        ReadOnlySpan<int> adc = AdcOf(signal);
        if (destination.Length < adc.Length)
            throw new ArgumentException($"needs {adc.Length} values, got {destination.Length}", nameof(destination));
        float factor = (float)(scale / info.AdcGain);
        int baseline = info.Baseline, invalid = info.Format.InvalidSample;
        for (int i = 0; i < adc.Length; i++)
            destination[i] = adc[i] == invalid ? float.NaN : (adc[i] - baseline) * factor;
    }
}
