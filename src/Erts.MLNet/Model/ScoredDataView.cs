using Microsoft.ML;

namespace Erts.MLNet.Model;

/// <summary>
/// The lazy result of <c>ErtsTransformer.Transform</c>: the input columns plus the model's outputs, computed by the
/// network only when a cursor reads them. Each cursor reads the input once, through a single input cursor. One cursor
/// at a time drives the network (no parallel cursor set).
/// </summary>
internal sealed class ScoredDataView(IDataView input, ScoringBinding binding, NetworkRunner runner) : IDataView
{
    public DataViewSchema Schema => binding.Output;

    // Batches are formed in input order; shuffling would defeat them.
    public bool CanShuffle => false;

    public long? GetRowCount() => input.GetRowCount();

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) =>
        new ScoredCursor(input, binding, runner, columnsNeeded);

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [GetRowCursor(columnsNeeded, rand)];
}
