namespace Erts.MLNet.Selection;

/// <summary>Uniform random subsets of a batch's rows, for the random-dropout baselines.</summary>
internal static class RandomRows
{
    /// <summary>
    /// <paramref name="count"/> distinct rows of <paramref name="rows"/> drawn uniformly (partial Fisher-Yates),
    /// ascending; all rows when <paramref name="count"/> is at least <paramref name="rows"/>.
    /// </summary>
    public static IReadOnlyList<int> Choose(int rows, int count, Random random)
    {
        var order = Enumerable.Range(0, rows).ToArray();
        int take = Math.Clamp(count, 0, rows);
        for (int i = 0; i < take; i++)
        {
            int j = random.Next(i, rows);
            (order[i], order[j]) = (order[j], order[i]);
        }
        Array.Sort(order, 0, take);
        return order[..take];
    }
}
