using Erts.MLNet.Data;

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
    /// <summary>"train 240 · validation 30 · test 30 · 3 leads x 400 samples at 100 Hz".</summary>
    public string Describe()
    {
        var first = Train.Count > 0 ? Train[0] : Test[0];
        string note = Note == null ? "" : $" ({Note})";
        return $"train {Train.Count} · validation {Validation.Count} · test {Test.Count} · {ClassNames.Count} classes · {first.Leads} leads x {first.Length} samples at {first.SamplingRate:0.##} Hz{note}";
    }
}
