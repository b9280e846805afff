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

    /// <summary>The names in file order, each once.</summary>
    /// <param name="path">The <c>RECORDS</c> file.</param>
    /// <param name="warnings">Receives one warning per repeated name.</param>
    /// <exception cref="DataFormatException">The file lists no record.</exception>
    public static IReadOnlyList<string> Read(string path, ICollection<DataWarning> warnings)
    {
        var names = new List<string>();
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        int line = 0;
        foreach (string text in File.ReadLines(path))
        {
            line++;
            string name = text.Trim();
            if (name.Length == 0) continue;
            if (firstLine.TryAdd(name, line)) names.Add(name);
            else warnings.Add(new DataWarning(path, line, null, $"record {EchoedValue.Quote(name)} is listed again (first on line {firstLine[name]}); read once"));
        }
        if (names.Count == 0) throw new DataFormatException(path, null, null, "lists no record; expected one record name per line");
        return names;
    }
}
