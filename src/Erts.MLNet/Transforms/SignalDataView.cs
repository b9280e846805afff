using Microsoft.ML;

namespace Erts.MLNet.Transforms;

/// <summary>The lazy output of a signal transform: cursors wrap cursors of the input view.</summary>
/// <remarks>
/// Each cursor (or cursor set) opened is one pass over the data; random transforms (random crop) draw from the row's
/// id and the pass number, so a trainer sees a new crop every epoch while a rerun of the program sees the same ones.
/// </remarks>
internal sealed class SignalDataView(IDataView source, SignalMapper mapper) : IDataView
{
    private int _passes = -1;

    public bool CanShuffle => source.CanShuffle;

    public DataViewSchema Schema => mapper.OutputSchema;

    public long? GetRowCount() => source.GetRowCount();

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
    {
        var needed = columnsNeeded.ToArray();
        return new SignalCursor(mapper, source.GetRowCursor(mapper.GetDependencies(needed), rand), needed, NextPass());
    }

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null)
    {
        var needed = columnsNeeded.ToArray();
        int pass = NextPass();
        return source.GetRowCursorSet(mapper.GetDependencies(needed), n, rand)
            .Select(cursor => (DataViewRowCursor)new SignalCursor(mapper, cursor, needed, pass))
            .ToArray();
    }

    private int NextPass() => Interlocked.Increment(ref _passes);
}
