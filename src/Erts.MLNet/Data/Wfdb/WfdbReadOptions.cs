namespace Erts.MLNet.Data.Wfdb;

/// <summary>What a <see cref="WfdbRecord"/> checks when it reads samples.</summary>
public sealed record WfdbReadOptions
{
    /// <summary>Strict: a header checksum or initial value that disagrees with the samples throws (the default).</summary>
    public static WfdbReadOptions Strict { get; } = new();

    /// <summary>
    /// Checksums and initial values are informative only: never enforced, still listed by
    /// <see cref="WfdbRecord.VerifyIntegrity"/>. For sets whose headers are known to be loose, e.g. CinC 2017
    /// (every checksum written as 0, about 1 initial value in 20 differing from the first stored sample).
    /// </summary>
    public static WfdbReadOptions Informative { get; } = new() { VerifyChecksums = false, VerifyInitialValues = false };

    /// <summary>
    /// Compare each signal's header checksum (modulo 65536) with the sum of its samples whenever a read covers the
    /// whole record, and throw a <see cref="WfdbFormatException"/> on a mismatch. Default true.
    /// </summary>
    public bool VerifyChecksums { get; init; } = true;

    /// <summary>
    /// Compare each signal's header initial value with its first sample whenever a read starts at sample 0, and
    /// throw a <see cref="WfdbFormatException"/> on a mismatch. Default true.
    /// </summary>
    public bool VerifyInitialValues { get; init; } = true;
}
