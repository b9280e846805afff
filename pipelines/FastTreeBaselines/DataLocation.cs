namespace Erts.Pipelines.FastTreeBaselines;

/// <summary>Where the datasets are: given on the command line, <c>$ERTS_SHARED_DATA/NAME</c>, or <c>../shared/data/NAME</c> beside the repository.</summary>
internal static class DataLocation
{
    /// <summary>The folder holding <c>ERTS.MLNet.sln</c>, searched upwards from the program; null if not found.</summary>
    public static string? RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The dataset folder, or null when none of the candidates exists.</summary>
    public static string? Find(string dataset, string? given)
    {
        if (given != null) return Directory.Exists(given) ? given : throw new DirectoryNotFoundException($"data folder '{given}' does not exist");
        string? shared = Environment.GetEnvironmentVariable("ERTS_SHARED_DATA");
        IEnumerable<string> candidates =
        [
            .. shared is { Length: > 0 } ? [Path.Combine(shared, dataset)] : Array.Empty<string>(),
            .. RepositoryRoot is { } root ? [Path.GetFullPath(Path.Combine(root, "..", "shared", "data", dataset))] : Array.Empty<string>(),
        ];
        return candidates.FirstOrDefault(Directory.Exists);
    }

    /// <summary>What to download, and where to put it.</summary>
    public static string HowToGet(string dataset) => dataset switch
    {
        "mitdb" => "MIT-BIH Arrhythmia Database not found. Download https://physionet.org/content/mitdb/1.0.0/ (48 records: .hea, .dat, .atr) " +
                   "into ../shared/data/mitdb beside the repository, set ERTS_SHARED_DATA to the folder holding mitdb/, or pass the folder as an argument.",
        "cinc2017" => "PhysioNet/CinC Challenge 2017 training set not found. Download https://physionet.org/content/challenge-2017/1.0.0/ " +
                      "(training2017: REFERENCE.csv, .hea, .mat) into ../shared/data/cinc2017, set ERTS_SHARED_DATA, or pass the folder as an argument.",
        _ => $"dataset '{dataset}' not found",
    };

    private static string? FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder != null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "ERTS.MLNet.sln"))) return folder.FullName;
        return null;
    }
}
