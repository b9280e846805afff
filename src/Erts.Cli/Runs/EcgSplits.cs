using Erts.MLNet.Data;
using Erts.MLNet.Data.DataViews;

namespace Erts.Cli.Runs;

/// <summary>A dataset cut into the three parts a run needs, in memory.</summary>
/// <param name="Request">What was asked for.</param>
/// <param name="ClassNames">Class labels, in the dataset's order.</param>
/// <param name="Train">Training examples.</param>
/// <param name="Validation">Validation examples (checkpoint selection).</param>
/// <param name="Test">Test examples (final figures only).</param>
/// <param name="Note">How the parts were made when not as the dataset defines them, else null.</param>
internal sealed record EcgSplits(
    DatasetRequest Request,
    IReadOnlyList<string> ClassNames,
    IReadOnlyList<EcgExample> Train,
    IReadOnlyList<EcgExample> Validation,
    IReadOnlyList<EcgExample> Test,
    string? Note = null)
{
    /// <summary>
    /// The signal shape every part is viewed with: the examples' leads, rate and length, or, when lengths differ (whole
    /// records), up to the longest example of all three parts, so the parts have one shape and the model fits them all.
    /// </summary>
    public EcgSignalShape SignalShape() => EcgSignalShape.Enclosing([.. Train, .. Validation, .. Test]);

    /// <summary>"train 240 · validation 30 · test 30 · 3 leads x 400 samples at 100 Hz" (whole records: "up to 18000 samples").</summary>
    public string Describe()
    {
        var shape = SignalShape();
        string note = Note == null ? "" : $" ({Note})";
        string samples = shape.VariableLength ? $"whole records of up to {shape.Samples} samples" : $"{shape.Samples} samples";
        return $"train {Train.Count} · validation {Validation.Count} · test {Test.Count} · {ClassNames.Count} classes · {shape.Leads} leads x {samples} at {shape.SamplingRate:0.##} Hz{note}";
    }
}
