namespace Erts.MLNet.Selection;

/// <summary>
/// Computes focus scores on request, so a policy pays for Grad-CAM only for the rows it asks about and only when
/// it asks. Tests substitute a table of numbers; training uses the network's Grad-CAM.
/// </summary>
public interface IFocusSource
{
    /// <summary>Focus in [0, 1] of each requested row, in the order given.</summary>
    /// <param name="rows">Rows of the current batch, 0-based.</param>
    float[] Score(IReadOnlyList<int> rows);
}
