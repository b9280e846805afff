using NWaves.Filters.Butterworth;
using NWaves.Filters.Fda;

namespace Erts.MLNet.Dsp;

/// <summary>
/// Designs the IIR filters of ECG preprocessing as <see cref="SecondOrderSections"/>, matching SciPy's
/// <c>butter(..., output='sos')</c> and <c>iirnotch</c>. Pole/zero design is NWaves'; this class only validates the
/// frequencies, converts to sections and fixes the pass-band gain where NWaves normalises differently from SciPy.
/// </summary>
public static class FilterDesign
{
    /// <summary>Highest Butterworth order accepted (higher orders gain nothing for ECG and lose stability margin).</summary>
    public const int MaxButterworthOrder = 10;

    /// <summary>
    /// A Butterworth filter: band-pass when both cutoffs are given, high-pass with only <paramref name="lowCutoff"/>,
    /// low-pass with only <paramref name="highCutoff"/>. Same as <c>scipy.signal.butter(order, ..., fs=rate, output='sos')</c>.
    /// </summary>
    /// <param name="order">Prototype order, 1 to <see cref="MaxButterworthOrder"/> (a band-pass has twice this order).</param>
    /// <param name="lowCutoff">Lower -3 dB frequency in Hz, or null for none.</param>
    /// <param name="highCutoff">Upper -3 dB frequency in Hz, or null for none.</param>
    /// <param name="samplingRate">Sampling rate in Hz.</param>
    /// <exception cref="ArgumentOutOfRangeException">The order is out of range, no cutoff is given, or a cutoff is not in (0, rate/2) and low below high.</exception>
    public static SecondOrderSections Butterworth(int order, double? lowCutoff, double? highCutoff, double samplingRate)
    {
        if (order < 1 || order > MaxButterworthOrder)
            throw new ArgumentOutOfRangeException(nameof(order), order, $"the Butterworth order must be between 1 and {MaxButterworthOrder}");
        CheckFrequency(lowCutoff, samplingRate, nameof(lowCutoff));
        CheckFrequency(highCutoff, samplingRate, nameof(highCutoff));
        if (lowCutoff is null && highCutoff is null)
            throw new ArgumentOutOfRangeException(nameof(lowCutoff), "give a low cutoff (high-pass), a high cutoff (low-pass) or both (band-pass)");
        if (lowCutoff >= highCutoff)
            throw new ArgumentOutOfRangeException(nameof(lowCutoff), lowCutoff, $"the low cutoff must be below the high cutoff ({highCutoff} Hz)");

        var poles = PrototypeButterworth.Poles(order);
        var (transferFunction, referenceOmega) = (lowCutoff, highCutoff) switch
        {
            ({ } low, { } high) => (DesignFilter.IirBpTf(low / samplingRate, high / samplingRate, poles), BandCentre(low, high, samplingRate)),
            ({ } low, null) => (DesignFilter.IirHpTf(low / samplingRate, poles), Math.PI),
            (null, { } high) => (DesignFilter.IirLpTf(high / samplingRate, poles), 0.0),
            _ => throw new InvalidOperationException("unreachable: both cutoffs null was rejected above"),
        };
        var sections = FromNWaves(DesignFilter.TfToSos(transferFunction));
        // NWaves normalises a band-pass to unit gain at a different centre than SciPy, which keeps the analogue
        // prototype's unit gain at the pre-warped geometric centre; rescaling there reproduces SciPy exactly.
        return sections.Scaled(1 / sections.Magnitude(referenceOmega));
    }

    /// <summary>
    /// A second-order notch at <paramref name="frequency"/> Hz with quality factor <paramref name="quality"/>
    /// (centre frequency over -3 dB bandwidth), the same as <c>scipy.signal.iirnotch(frequency, quality, fs=rate)</c>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The frequency is not in (0, rate/2) or the quality is not positive.</exception>
    public static SecondOrderSections Notch(double frequency, double quality, double samplingRate)
    {
        CheckFrequency(frequency, samplingRate, nameof(frequency));
        if (!(quality > 0) || !double.IsFinite(quality))
            throw new ArgumentOutOfRangeException(nameof(quality), quality, "the notch quality factor must be a positive number");
        return FromNWaves(DesignFilter.TfToSos(DesignFilter.IirNotch(frequency / samplingRate, quality)));
    }

    private static void CheckFrequency(double? frequency, double samplingRate, string name)
    {
        if (frequency is { } f && !(f > 0 && f < samplingRate / 2))
            throw new ArgumentOutOfRangeException(name, f, $"must lie strictly between 0 and the Nyquist frequency {samplingRate / 2} Hz (sampling rate {samplingRate} Hz)");
    }

    // The digital frequency onto which the bilinear transform maps the analogue band centre sqrt(w1 * w2).
    private static double BandCentre(double low, double high, double samplingRate) =>
        2 * Math.Atan(Math.Sqrt(Math.Tan(Math.PI * low / samplingRate) * Math.Tan(Math.PI * high / samplingRate)));

    private static SecondOrderSections FromNWaves(NWaves.Filters.Base.TransferFunction[] sections) =>
        new(sections.Select(s =>
        {
            double[] b = s.Numerator, a = s.Denominator;
            static double At(double[] p, int i) => i < p.Length ? p[i] : 0;
            return (At(b, 0), At(b, 1), At(b, 2), At(a, 0), At(a, 1), At(a, 2));
        }).ToArray());
}
