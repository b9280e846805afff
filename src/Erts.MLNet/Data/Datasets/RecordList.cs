namespace Erts.MLNet.Data.Datasets;

/// <summary>
/// A WFDB database's <c>RECORDS</c> file: one record name per line, blank lines ignored. A name listed twice is kept
/// once, with a warning (the record would otherwise be read twice and could fall in two splits); a list with no
/// name is an error, since every loader would then give an empty dataset.
/// </summary>
internal static class RecordList
{
    /// <summary>The file name, "RECORDS".</summary>
    public const string FileName = "RECORDS";

    /// <summary>The names in file order, each once, with their 1-based lines so that a bad name can be reported where it was written.</summary>
    /// <param name="path">The <c>RECORDS</c> file.</param>
    /// <param name="warnings">Receives one warning per repeated name.</param>
    /// <exception cref="DataFormatException">The file lists no record, is not a regular file, or is larger than <see cref="DatasetFiles.MaxTextFileBytes"/>.</exception>
    public static IReadOnlyList<(string Name, string Source, int? Line)> Read(string path, ICollection<DataWarning> warnings)
    {
        string content = DatasetFiles.ReadAllText(path, DatasetFiles.MaxTextFileBytes, problem => new DataFormatException(path, null, null, "record list " + problem));
        var names = new List<(string, string, int?)>();
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        using var lines = new StringReader(content); // \n, \r\n and \r end a line, as for File.ReadLines
        int line = 0;
        for (string? text = lines.ReadLine(); text is not null; text = lines.ReadLine())
        {
            line++;
            string name = text.Trim();
            if (name.Length == 0) continue;
            if (firstLine.TryAdd(name, line)) names.Add((name, path, line));
            else warnings.Add(new DataWarning(path, line, null, $"record {EchoedValue.Quote(name)} is listed again (first on line {firstLine[name]}); read once"));
        }
        if (names.Count == 0) throw new DataFormatException(path, null, null, "lists no record; expected one record name per line");
        return names;
    }
}
