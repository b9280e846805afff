namespace Erts.Experiments.Commands;

/// <summary>Where the repository and the shared data are.</summary>
internal static class Repository
{
    /// <summary>The folder holding ERTS.MLNet.sln, searched upwards from the current folder, then from the binaries; else the current folder.</summary>
    public static string Root()
    {
        foreach (string start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "ERTS.MLNet.sln"))) return dir.FullName;
        return Environment.CurrentDirectory;
    }

    /// <summary><c>$ERTS_SHARED_DATA</c> when set, else <c>../shared/data</c> beside <paramref name="root"/>.</summary>
    public static string SharedData(string root) =>
        Environment.GetEnvironmentVariable("ERTS_SHARED_DATA") is { Length: > 0 } configured
            ? configured
            : Path.GetFullPath(Path.Combine(root, "..", "shared", "data"));
}
