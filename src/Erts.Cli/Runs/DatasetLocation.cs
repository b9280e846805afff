using Erts.MLNet.Data.Download;

namespace Erts.Cli.Runs;

/// <summary>
/// Where a dataset's files are: the folder given with <c>--data</c>, else <c>$ERTS_DATA/&lt;name&gt;</c>, else the
/// library's download cache (<see cref="DataCache.GetDatasetFolder"/>: <c>--cache</c>, else
/// <see cref="DataCache.DefaultRoot"/>, plus the catalogue name and version), so that <c>erts datasets download</c>
/// and the library's <see cref="DatasetDownloader"/> fill the folder the other commands read.
/// </summary>
internal static class DatasetLocation
{
    /// <summary>Environment variable naming a folder that holds datasets as <c>&lt;name&gt;/</c> subfolders.</summary>
    public const string SharedDataVariable = "ERTS_DATA";

    /// <summary>
    /// The root folder of <paramref name="dataset"/> under the rules above (the folder a <c>SHA256SUMS.txt</c> sits in);
    /// empty for generated data.
    /// </summary>
    public static string Resolve(DatasetInfo dataset, string? dataFolder, string? cacheRoot)
    {
        if (dataset.Download == null) return "";
        if (!string.IsNullOrEmpty(dataFolder)) return Path.GetFullPath(dataFolder);
        string? shared = Environment.GetEnvironmentVariable(SharedDataVariable);
        if (!string.IsNullOrEmpty(shared)) return Path.GetFullPath(Path.Combine(shared, dataset.Name));
        return DataCache.GetDatasetFolder(dataset.Download, cacheRoot);
    }

    /// <summary>
    /// The folder the loader reads inside <paramref name="root"/>: the root itself when it holds the marker files (a
    /// flat copy), else the dataset's subfolder of a PhysioNet download (e.g. <c>training/</c> of CinC 2017).
    /// </summary>
    public static string DataFolderIn(DatasetInfo dataset, string root)
    {
        if (dataset.DataSubfolder.Length == 0 || MissingMarkers(dataset, root).Count == 0) return root;
        return Path.Combine(root, dataset.DataSubfolder.Replace('/', Path.DirectorySeparatorChar));
    }

    /// <summary>The marker files of <paramref name="dataset"/> missing from <paramref name="folder"/>.</summary>
    public static IReadOnlyList<string> MissingMarkers(DatasetInfo dataset, string folder) =>
        dataset.MarkerFiles.Where(file => !File.Exists(Path.Combine(folder, file))).ToArray();
}
