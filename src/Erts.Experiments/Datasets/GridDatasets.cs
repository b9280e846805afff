namespace Erts.Experiments.Datasets;

/// <summary>The datasets the grid knows, by name.</summary>
public static class GridDatasets
{
    /// <summary>Every dataset: the three real ones of the comparison, then the generated one for smoke tests.</summary>
    public static IReadOnlyList<GridDataset> All { get; } = [new MitBihBeats(), new Cinc2017Rhythm(), new PtbXlSuperclasses(), new SyntheticRhythms()];

    /// <summary>The real datasets of the full grid.</summary>
    public static IReadOnlyList<string> Comparison { get; } = ["mitbih", "cinc2017", "ptbxl"];

    /// <summary>The dataset named <paramref name="name"/> (case-insensitive).</summary>
    /// <exception cref="ArgumentException">No dataset has that name; the message lists the known ones.</exception>
    public static GridDataset Find(string name) =>
        All.FirstOrDefault(dataset => string.Equals(dataset.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Unknown dataset '{name}'; known: {string.Join(", ", All.Select(d => d.Name))}.", nameof(name));
}
