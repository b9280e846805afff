using Erts.MLNet.Data;

namespace Erts.Experiments.Datasets;

/// <summary>A dataset ready for the grid: preprocessed examples of each split, held in memory and shared by every cell.</summary>
/// <param name="Train">Training examples.</param>
/// <param name="Validation">Validation examples (checkpoint selection).</param>
/// <param name="Test">Test examples (the reported metrics).</param>
public sealed record PreparedDataset(IReadOnlyList<EcgExample> Train, IReadOnlyList<EcgExample> Validation, IReadOnlyList<EcgExample> Test)
{
    /// <summary>Class names present in the training data, sorted.</summary>
    public IReadOnlyList<string> Classes { get; } = Train.Select(example => example.Label).Distinct().Order(StringComparer.Ordinal).ToArray();

    /// <summary>"train 4,231 / validation 735 / test 10,000; 1 lead x 252 samples at 360 Hz".</summary>
    public string Describe()
    {
        var first = Train[0];
        return $"train {Train.Count:N0} / validation {Validation.Count:N0} / test {Test.Count:N0}; " +
            $"{first.Leads} lead(s) x {first.Length} samples at {first.SamplingRate:0.#} Hz";
    }
}
