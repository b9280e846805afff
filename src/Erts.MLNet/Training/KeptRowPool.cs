namespace Erts.MLNet.Training;

/// <summary>
/// Turns the rows each mini-batch keeps into update batches. Without compaction every non-empty kept set is its
/// own update (the reference code). With compaction the kept rows of consecutive mini-batches are pooled, in
/// order, and an update batch leaves the pool as soon as it holds <c>batchSize</c> rows, so every optimizer step
/// but the epoch's last runs on a full batch (<see cref="ErtsTrainer.Options.CompactKeptRows"/>).
/// </summary>
internal sealed class KeptRowPool
{
    private readonly int _batchSize;
    private readonly bool _compact;
    private readonly List<int> _pending = [];

    /// <summary>Creates an empty pool.</summary>
    /// <param name="batchSize">Rows per pooled update, 1 or more.</param>
    /// <param name="compact">True pools rows across mini-batches; false passes each kept set through unchanged.</param>
    public KeptRowPool(int batchSize, bool compact)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        _batchSize = batchSize;
        _compact = compact;
    }

    /// <summary>Rows waiting for a full update batch.</summary>
    public int Pending => _pending.Count;

    /// <summary>Adds one mini-batch's kept rows; returns the update batches now ready (possibly none), in order.</summary>
    /// <param name="keptRows">Training indices of the kept rows.</param>
    public IReadOnlyList<int[]> Add(IReadOnlyList<int> keptRows)
    {
        if (!_compact) return keptRows.Count == 0 ? [] : [keptRows.ToArray()];

        _pending.AddRange(keptRows);
        var ready = new List<int[]>();
        int taken = 0;
        for (; _pending.Count - taken >= _batchSize; taken += _batchSize)
            ready.Add(_pending.GetRange(taken, _batchSize).ToArray());
        _pending.RemoveRange(0, taken);
        return ready;
    }

    /// <summary>Empties the pool (at the end of an epoch): the remaining rows as one last, smaller update, or null.</summary>
    public int[]? Flush()
    {
        if (_pending.Count == 0) return null;
        var rest = _pending.ToArray();
        _pending.Clear();
        return rest;
    }
}
