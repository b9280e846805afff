namespace Erts.Cli.Runs;

/// <summary>A dataset <c>erts</c> knows by name.</summary>
/// <param name="Name">The name used on the command line, e.g. "ptbxl".</param>
/// <param name="Title">Full name.</param>
/// <param name="Summary">Records, leads, rate and labels in one line.</param>
/// <param name="Source">Where it is published.</param>
/// <param name="MarkerFiles">Files whose presence shows a folder holds the dataset (empty for generated data).</param>
internal sealed record DatasetInfo(string Name, string Title, string Summary, string Source, IReadOnlyList<string> MarkerFiles)
{
    /// <summary>True for data generated on the fly (nothing to download or verify).</summary>
    public bool IsGenerated => MarkerFiles.Count == 0;
}
