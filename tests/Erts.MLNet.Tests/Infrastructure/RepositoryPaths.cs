namespace Erts.MLNet.Tests.Infrastructure;

/// <summary>Finds the repository root and the shared real-data folder beside it.</summary>
public static class RepositoryPaths
{
    /// <summary>The folder holding ERTS.MLNet.sln, found by walking up from the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>
    /// The real ECG datasets: <c>ERTS_SHARED_DATA</c> if set, else <c>../shared/data</c> next to the repository.
    /// Null when absent (a user's fresh clone); tests that need it skip.
    /// </summary>
    public static string? SharedData { get; } = FindSharedData();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ERTS.MLNet.sln"))) return dir.FullName;
        throw new InvalidOperationException($"ERTS.MLNet.sln not found above {AppContext.BaseDirectory}");
    }

    private static string? FindSharedData()
    {
        string? configured = Environment.GetEnvironmentVariable("ERTS_SHARED_DATA");
        if (!string.IsNullOrEmpty(configured)) return Directory.Exists(configured) ? configured : null;
        string beside = Path.GetFullPath(Path.Combine(Root, "..", "shared", "data"));
        return Directory.Exists(beside) ? beside : null;
    }

    /// <summary>The folder of one shared dataset (e.g. "mitdb"), or a skip with the reason when it is absent.</summary>
    public static string RequireDataset(string name)
    {
        Skip.If(SharedData == null, "real ECG data not found: set ERTS_SHARED_DATA or place it at ../shared/data beside the repository");
        string path = Path.Combine(SharedData!, name);
        Skip.IfNot(Directory.Exists(path), $"dataset folder '{path}' is absent");
        return path;
    }
}
