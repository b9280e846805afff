namespace Erts.Cli.Runs;

/// <summary>
/// Where a dataset's files are: the folder given with --data, else <c>$ERTS_DATA/&lt;name&gt;</c>, else the cache
/// folder (<c>--cache</c>, else <c>$XDG_CACHE_HOME/erts</c>, else <c>~/.cache/erts</c>) plus the name.
/// </summary>
internal static class DatasetLocation
{
    /// <summary>The cache root used when none is given.</summary>
    public static string DefaultCacheRoot()
    {
        string? xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        string root = !string.IsNullOrEmpty(xdg) ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(root, "erts");
    }

    /// <summary>The folder of <paramref name="dataset"/> under the rules above.</summary>
    public static string Resolve(DatasetInfo dataset, string? dataFolder, string? cacheRoot)
    {
        if (!string.IsNullOrEmpty(dataFolder)) return Path.GetFullPath(dataFolder);
        string? shared = Environment.GetEnvironmentVariable("ERTS_DATA");
        if (!string.IsNullOrEmpty(shared)) return Path.GetFullPath(Path.Combine(shared, dataset.Name));
        return Path.GetFullPath(Path.Combine(cacheRoot ?? DefaultCacheRoot(), dataset.Name));
    }

    /// <summary>The marker files of <paramref name="dataset"/> missing from <paramref name="folder"/>.</summary>
    public static IReadOnlyList<string> MissingMarkers(DatasetInfo dataset, string folder) =>
        dataset.MarkerFiles.Where(file => !File.Exists(Path.Combine(folder, file))).ToArray();
}
