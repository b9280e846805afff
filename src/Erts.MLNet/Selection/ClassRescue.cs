namespace Erts.MLNet.Selection;

/// <summary>
/// Keeps every class represented: a class that has rows in a pool but none among the kept rows gets its most
/// preferred pool row added. Used by DBPD (pool = the batch, in order) and by the focus filter (pool = the
/// candidates, by reliability).
/// </summary>
internal static class ClassRescue
{
    /// <summary>Adds to <paramref name="kept"/> the first row of <paramref name="poolByPreference"/> of each class it lacks.</summary>
    /// <param name="kept">Rows kept so far; rescued rows are appended.</param>
    /// <param name="poolByPreference">Rows that may be rescued, most preferred first.</param>
    /// <param name="labels">Class of every row of the batch.</param>
    public static void AddMissingClasses(List<int> kept, IEnumerable<int> poolByPreference, IReadOnlyList<int> labels)
    {
        var represented = new HashSet<int>(kept.Select(row => labels[row]));
        foreach (int row in poolByPreference)
            if (represented.Add(labels[row]))
                kept.Add(row);
    }
}
