namespace Erts.Pipelines;

/// <summary>Finds a dataset folder: the first command-line argument, else the shared data folder (see <see cref="DefaultFolder"/>).</summary>
public static class DataFolder
{
    /// <summary>
    /// The folder to read, or null after printing how to get the data when neither the argument nor the default
    /// folder exists.
    /// </summary>
    /// <param name="args">The pipeline's command-line arguments; the first, when given, is the data folder.</param>
    /// <param name="name">Folder name under the shared data folder, e.g. "mitdb".</param>
    /// <param name="source">Where the dataset is published, e.g. its PhysioNet page.</param>
    public static string? Resolve(string[] args, string name, string source)
    {
        ArgumentNullException.ThrowIfNull(args);
        string? folder = args.Length > 0 ? args[0] : DefaultFolder(name);
        if (folder is not null && Directory.Exists(folder)) return Path.GetFullPath(folder);

        Console.Error.WriteLine(args.Length > 0 ? $"data folder '{args[0]}' does not exist." : $"no data folder given and no ../shared/data/{name} beside the repository.");
        Console.Error.WriteLine($"Get the {name} files from {source}");
        Console.Error.WriteLine($"  (e.g. wget -r -N -c -np -nH --cut-dirs=3 {source.Replace("/content/", "/files/", StringComparison.Ordinal)} -P data/{name},");
        Console.Error.WriteLine($"   or `dotnet run --project src/Erts.Cli -- datasets download {name}` where the erts CLI offers it)");
        Console.Error.WriteLine("and pass the folder as the first argument.");
        return null;
    }

    /// <summary>
    /// <c>$ERTS_SHARED_DATA/NAME</c> when that variable is set, else <c>../shared/data/NAME</c> beside the folder holding
    /// ERTS.MLNet.sln (searched upwards from here), else null.
    /// </summary>
    /// <param name="name">Dataset folder name.</param>
    public static string? DefaultFolder(string name)
    {
        if (Environment.GetEnvironmentVariable("ERTS_SHARED_DATA") is { Length: > 0 } shared) return Path.Combine(shared, name);
        foreach (string start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "ERTS.MLNet.sln")))
                    return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", name));
            }
        }
        return null;
    }
}
