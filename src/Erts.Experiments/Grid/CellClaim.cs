namespace Erts.Experiments.Grid;

/// <summary>
/// A grid process's claim on the cell it is training: an exclusive lock on a file per cell beside results.json.
/// Several processes running the same plan (one per core) each take the next cell that is neither recorded nor
/// claimed, so they share the work without a coordinator; a killed run never leaves a cell claimed (<see cref="LockFile"/>).
/// </summary>
public sealed class CellClaim : IDisposable
{
    private readonly FileStream _lock;

    private CellClaim(FileStream held) => _lock = held;

    /// <summary>Claims <paramref name="cell"/>, or returns null when another process holds it.</summary>
    /// <param name="resultsPath">The grid's results.json (claims live in <c>.grid-claims</c> beside it).</param>
    /// <param name="cell">The cell.</param>
    public static CellClaim? TryTake(string resultsPath, GridCell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        string folder = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(resultsPath))!, ".grid-claims");
        return LockFile.TryTake(Path.Combine(folder, cell.Key.Replace('/', '_') + ".lock")) is { } held ? new CellClaim(held) : null;
    }

    /// <summary>Releases the claim.</summary>
    public void Dispose() => _lock.Dispose();
}
