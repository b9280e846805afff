namespace Erts.Experiments.Recipe;

/// <summary>The datasets of the recipe benchmark, by name.</summary>
public static class RecipeDatasets
{
    /// <summary>Every dataset, in the order they run.</summary>
    public static IReadOnlyList<RecipeDataset> All { get; } = [new Cinc2017Recipe(), new MitBihRecipe(), new PtbXlRecipe()];

    /// <summary>The dataset named <paramref name="name"/> (case-insensitive).</summary>
    /// <exception cref="ArgumentException">No such dataset.</exception>
    public static RecipeDataset Find(string name) =>
        All.FirstOrDefault(d => d.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Unknown dataset '{name}'; the recipe benchmark has {string.Join(", ", All.Select(d => d.Name))}.");
}
