namespace Erts.MLNet.Data.Download;

/// <summary>Where downloaded datasets are kept.</summary>
public static class DataCache
{
    /// <summary>Environment variable that overrides the cache folder.</summary>
    public const string EnvironmentVariable = "ERTS_DATA_CACHE";

    /// <summary>
    /// The cache folder: <c>ERTS_DATA_CACHE</c> when set, else the operating system's per-user cache folder plus
    /// <c>erts-mlnet</c>: <c>$XDG_CACHE_HOME/erts-mlnet</c> or <c>~/.cache/erts-mlnet</c> on Linux,
    /// <c>~/Library/Caches/erts-mlnet</c> on macOS, <c>%LOCALAPPDATA%\erts-mlnet\cache</c> on Windows.
    /// </summary>
    public static string DefaultRoot
    {
        get
        {
            string? configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
            if (!string.IsNullOrWhiteSpace(configured)) return Path.GetFullPath(configured);
            if (OperatingSystem.IsWindows())
                return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "erts-mlnet", "cache");
            string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            if (OperatingSystem.IsMacOS())
                return Path.Combine(home, "Library", "Caches", "erts-mlnet");
            string? xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            return Path.Combine(string.IsNullOrWhiteSpace(xdg) ? Path.Combine(home, ".cache") : xdg, "erts-mlnet");
        }
    }

    /// <summary>
    /// Where <paramref name="dataset"/> is (or will be) stored in a cache: <c>ROOT/NAME/VERSION</c>, the one layout the
    /// downloader writes and every reader of the cache looks in.
    /// </summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="root">Cache folder; null for <see cref="DefaultRoot"/>.</param>
    public static string GetDatasetFolder(PhysioNetDataset dataset, string? root = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return Path.Combine(Path.GetFullPath(root ?? DefaultRoot), dataset.Name, dataset.Version);
    }
}
