namespace Erts.MLNet.Data.Datasets;

/// <summary>A PhysioNet <c>RECORDS</c> file: one record name per line, blank lines skipped.</summary>
internal static class RecordList
{
    /// <summary>The record names with their 1-based lines, so that a bad name can be reported where it was written.</summary>
    /// <param name="path">The <c>RECORDS</c> file.</param>
    /// <exception cref="DataFormatException">The file is missing, not a regular file, or larger than <see cref="DatasetFiles.MaxTextFileBytes"/>.</exception>
    public static IReadOnlyList<(string Name, string Source, int? Line)> Read(string path)
    {
        string text = DatasetFiles.ReadAllText(path, DatasetFiles.MaxTextFileBytes, problem => new DataFormatException(path, null, null, "record list " + problem));
        var names = new List<(string, string, int?)>();
        string[] lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string name = lines[i].Trim();
            if (name.Length > 0) names.Add((name, path, i + 1));
        }
        return names;
    }
}
