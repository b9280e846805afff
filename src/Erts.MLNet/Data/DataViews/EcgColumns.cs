namespace Erts.MLNet.Data.DataViews;

/// <summary>
/// Column and annotation names of the ECG <see cref="Microsoft.ML.IDataView"/> convention shared by loaders,
/// transforms and the trainer.
/// </summary>
public static class EcgColumns
{
    /// <summary>
    /// The signal: a known-size <c>Single</c> vector with two dimensions (leads x samples), lead-major, in mV.
    /// Carries the <see cref="LeadNamesAnnotation"/> and <see cref="SamplingRateAnnotation"/> annotations.
    /// </summary>
    public const string Signal = "Signal";

    /// <summary>The class name (Text). Turn it into a key with <c>MapValueToKey</c> before training.</summary>
    public const string Label = "Label";

    /// <summary>Record (or beat/window) identifier, unique within the dataset (Text).</summary>
    public const string RecordId = "RecordId";

    /// <summary>Patient identifier (Text), empty when the dataset has none.</summary>
    public const string PatientId = "PatientId";

    /// <summary>Samples per second per lead (Single, Hz).</summary>
    public const string SamplingRate = "SamplingRate";

    /// <summary>
    /// Samples per lead that hold the record (Int32), in views of whole records of different lengths: <see cref="Signal"/>
    /// has the length of the longest record and every shorter one is zero-padded at the end. Absent when every row
    /// fills the whole signal.
    /// </summary>
    public const string SignalLength = "SignalLength";

    /// <summary>
    /// Rhythm context of a beat (<c>Vector&lt;Single, k&gt;</c> with slot names), in beat views that carry it: RR
    /// intervals around the beat and their ratios, normalised per record.
    /// </summary>
    public const string Rhythm = "Rhythm";

    /// <summary>Annotation on <see cref="Signal"/>: lead names in signal order, a <c>Vector&lt;Text&gt;</c> of size leads.</summary>
    public const string LeadNamesAnnotation = "LeadNames";

    /// <summary>Annotation on <see cref="Signal"/>: samples per second per lead (<c>Single</c>, Hz).</summary>
    public const string SamplingRateAnnotation = "SamplingRate";

    /// <summary>
    /// The columns of every dataset view, in schema order; a view of whole records of different lengths adds
    /// <see cref="SignalLength"/> after them.
    /// </summary>
    public static IReadOnlyList<string> All { get; } = [Signal, Label, RecordId, PatientId, SamplingRate];
}
