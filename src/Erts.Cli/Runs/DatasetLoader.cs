using Erts.Cli.Commands;

namespace Erts.Cli.Runs;

/// <summary>Loads the data of a <see cref="DatasetRequest"/> into train, validation and test parts.</summary>
internal static class DatasetLoader
{
    /// <summary>Loads the splits.</summary>
    /// <exception cref="DirectoryNotFoundException">A real dataset's folder is missing or lacks its files.</exception>
    /// <exception cref="NotAvailableException">The loader of that dataset is not in this build.</exception>
    public static EcgSplits Load(DatasetRequest request)
    {
        if (!request.Dataset.IsGenerated) RequireFolder(request.Dataset, request.Folder);
        throw new NotAvailableException($"loading the '{request.Dataset.Name}' dataset");
    }

    /// <summary>Fails with a message that says where the files were looked for and how to get them.</summary>
    public static void RequireFolder(DatasetInfo dataset, string folder)
    {
        if (!Directory.Exists(folder))
            throw new DirectoryNotFoundException(
                $"dataset '{dataset.Name}' not found at {folder}; pass --data <folder> or set ERTS_DATA (see 'erts datasets list').");
        var missing = DatasetLocation.MissingMarkers(dataset, folder);
        if (missing.Count > 0)
            throw new DirectoryNotFoundException(
                $"{folder} does not look like the '{dataset.Name}' dataset: {string.Join(", ", missing)} missing.");
    }
}
