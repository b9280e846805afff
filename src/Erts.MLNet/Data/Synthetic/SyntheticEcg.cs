using Microsoft.ML;

namespace Erts.MLNet.Data.Synthetic;

/// <summary>
/// Shortcuts to the built-in synthetic ECG dataset (the data of the demo and of most tests; no download).
/// </summary>
public static class SyntheticEcg
{
    /// <summary>A lazy, deterministic <see cref="IDataView"/> of the synthetic set, following the ECG convention.</summary>
    /// <param name="options">Generator options; null for the defaults.</param>
    /// <exception cref="ArgumentException">An option is invalid (see <see cref="SyntheticEcgGenerator(SyntheticEcgOptions?)"/>).</exception>
    public static IDataView CreateDataView(SyntheticEcgOptions? options = null) =>
        new SyntheticEcgGenerator(options).CreateDataView();

    /// <summary>Generates the whole set into memory, with the ground truth of each record.</summary>
    /// <param name="options">Generator options; null for the defaults.</param>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    public static IReadOnlyList<SyntheticEcgRecord> Generate(SyntheticEcgOptions? options = null) =>
        new SyntheticEcgGenerator(options).GenerateAll().ToList();
}
