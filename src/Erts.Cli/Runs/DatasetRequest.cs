namespace Erts.Cli.Runs;

/// <summary>Which data a command asked for.</summary>
/// <param name="Dataset">The dataset.</param>
/// <param name="Folder">Folder of its files (ignored for generated data).</param>
/// <param name="Synthetic">Generator settings, used when <paramref name="Dataset"/> is the synthetic one.</param>
/// <param name="WholeRecords">
/// Load whole records of different lengths (<see cref="DatasetInfo.OpenWholeRecordLoader"/>) instead of the fixed-length
/// ones; only for datasets that have them.
/// </param>
internal sealed record DatasetRequest(DatasetInfo Dataset, string Folder, SyntheticSettings Synthetic, bool WholeRecords = false)
{
    /// <summary>One line for people and reports.</summary>
    public string Describe() => Dataset.IsGenerated
        ? $"synthetic: {Synthetic.ExamplesPerClass} records per class, leads {string.Join(",", Synthetic.Leads)}, {Synthetic.DurationSeconds:0.##} s at {Synthetic.SamplingRate:0.##} Hz, {Synthetic.LabelNoise:P0} flipped training labels, seed {Synthetic.Seed}"
        : $"{Dataset.Name} from {Folder}{(WholeRecords ? ", whole records" : "")}";
}
