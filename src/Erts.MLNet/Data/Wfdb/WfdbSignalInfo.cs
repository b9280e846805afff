namespace Erts.MLNet.Data.Wfdb;

/// <summary>One signal line of a WFDB header: where a signal is stored and how to turn its ADC units into physical ones.</summary>
/// <remarks>Physical value = (ADC value - <see cref="Baseline"/>) / <see cref="AdcGain"/>, in <see cref="Units"/>.</remarks>
public sealed record WfdbSignalInfo
{
    /// <summary>Signal file name relative to the header's folder (WFDB <c>file_name</c>), e.g. "100.dat".</summary>
    public required string FileName { get; init; }

    /// <summary>Storage format (WFDB <c>fmt</c>), e.g. 212.</summary>
    public required WfdbSignalFormat Format { get; init; }

    /// <summary>Bytes to skip at the start of the signal file (WFDB <c>byte_offset</c>, the <c>+24</c> of <c>16+24</c>); 0 when absent.</summary>
    public long ByteOffset { get; init; }

    /// <summary>ADC units per physical unit (WFDB <c>adc_gain</c>). A header gain of 0 or none means 200 (WFDB's default).</summary>
    public required double AdcGain { get; init; }

    /// <summary>ADC value of physical zero (WFDB <c>baseline</c>); when the header omits it, it equals <see cref="AdcZero"/>.</summary>
    public required int Baseline { get; init; }

    /// <summary>Physical units (WFDB <c>units</c>), e.g. "mV"; "mV" when absent.</summary>
    public required string Units { get; init; }

    /// <summary>ADC resolution in bits (WFDB <c>adc_res</c>); the format's default when absent or 0 (12 for format 212).</summary>
    public required int AdcResolution { get; init; }

    /// <summary>ADC value at the middle of the ADC range (WFDB <c>adc_zero</c>); 0 when absent.</summary>
    public int AdcZero { get; init; }

    /// <summary>First sample value (WFDB <c>init_value</c>), or null when the header omits it.</summary>
    public int? InitialValue { get; init; }

    /// <summary>16-bit sum of all samples (WFDB <c>checksum</c>), or null when absent. Compare modulo 65536: PTB-XL writes it unsigned, MIT-BIH signed.</summary>
    public int? Checksum { get; init; }

    /// <summary>Signal name (WFDB <c>sig_name</c>, the header's description field), e.g. "MLII"; empty when absent.</summary>
    public required string Description { get; init; }

    /// <summary>1-based line of this signal in the header file, for error messages.</summary>
    public int HeaderLine { get; init; }

    /// <summary>Converts one ADC value to physical units: (adu - baseline) / gain.</summary>
    /// <param name="adu">Sample in ADC units.</param>
    public double ToPhysical(int adu) => (adu - Baseline) / AdcGain;
}
