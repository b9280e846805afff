using Erts.MLNet.Selection;

namespace Erts.MLNet.Tests.Selection;

/// <summary>Hand-written mini-batches for selection tests: no torch involved.</summary>
internal static class TestBatches
{
    /// <summary>A batch; predictions default to the labels (everything classified right).</summary>
    public static SelectionBatch Make(float[] confidence, int[] labels, int epoch = 10, int[]? predicted = null, IFocusSource? focus = null, int seed = 1) =>
        new(epoch, labels, confidence, predicted ?? labels, focus ?? new TableFocus(), new Random(seed));

    /// <summary>A batch of <paramref name="rows"/> rows without a confidence pass, as the loop builds it for policies that do not use one.</summary>
    public static SelectionBatch WithoutConfidence(int rows, int epoch, int seed = 1) =>
        new(epoch, new int[rows], [], [], new TableFocus(), new Random(seed));
}

/// <summary>Focus scores read from a table indexed by batch row; remembers what was asked.</summary>
internal sealed class TableFocus(params float[] focusByRow) : IFocusSource
{
    public List<int[]> Requests { get; } = [];

    public float[] Score(IReadOnlyList<int> rows)
    {
        Requests.Add(rows.ToArray());
        return rows.Select(row => focusByRow[row]).ToArray();
    }
}
