using Microsoft.ML;
using Microsoft.ML.Data;

namespace Erts.MLNet.Model;

/// <summary>
/// A forward-only cursor over the scored view. Outputs are computed lazily in batches: when a row's output is first
/// read, a second input cursor that reads only the signal runs ahead, the next rows go through the network at once,
/// and their results are cached by row position. Rows whose outputs are never read cost no forward pass.
/// </summary>
internal sealed class ScoredCursor : DataViewRowCursor
{
    /// <summary>Rows per forward pass.</summary>
    public const int BatchSize = 64;

    private readonly IDataView _source;
    private readonly ScoringBinding _binding;
    private readonly NetworkRunner _runner;
    private readonly DataViewRowCursor _input;
    private readonly ScoredColumns _columns;
    private DataViewRowCursor? _signalCursor;
    private ValueGetter<VBuffer<float>>? _signalGetter;
    private PredictionBatch? _batch;
    private long _batchStart;

    public ScoredCursor(IDataView source, ScoringBinding binding, NetworkRunner runner, IEnumerable<DataViewSchema.Column> columnsNeeded)
    {
        _source = source;
        _binding = binding;
        _runner = runner;
        var needed = columnsNeeded.ToList();
        _input = source.GetRowCursor(needed.Where(c => !binding.IsOutput(c)).Select(c => binding.Input[c.Index]));
        _columns = new ScoredColumns(binding, _input, needed, Current);
    }

    public override DataViewSchema Schema => _binding.Output;

    public override long Position => _input.Position;

    public override long Batch => _input.Batch;

    public override bool MoveNext() => _input.MoveNext();

    public override ValueGetter<DataViewRowId> GetIdGetter() => _input.GetIdGetter();

    public override bool IsColumnActive(DataViewSchema.Column column) => _columns.IsActive(column);

    public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column) => _columns.GetGetter<TValue>(column);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _input.Dispose();
            _signalCursor?.Dispose();
        }
        base.Dispose(disposing);
    }

    private (PredictionBatch Batch, int Row) Current()
    {
        long position = _input.Position;
        if (position < 0) throw new InvalidOperationException("The cursor is not on a row; call MoveNext first.");
        if (_batch is null || position >= _batchStart + _batch.Count) Predict(startingAt: position);
        return (_batch!, (int)(position - _batchStart));
    }

    private void Predict(long startingAt)
    {
        _signalCursor ??= _source.GetRowCursor([_binding.Signal]);
        _signalGetter ??= _signalCursor.GetGetter<VBuffer<float>>(_binding.Signal);
        // Skip the rows the consumer moved past without reading an output.
        while (_signalCursor.Position < startingAt - 1)
            if (!_signalCursor.MoveNext()) throw OutOfStep(startingAt);

        int length = _binding.Model.SignalLength;
        var signals = new float[BatchSize * length];
        var row = default(VBuffer<float>);
        int count = 0;
        while (count < BatchSize && _signalCursor.MoveNext())
        {
            if (count == 0 && _signalCursor.Position != startingAt) throw OutOfStep(startingAt);
            _signalGetter(ref row);
            row.CopyTo(signals.AsSpan(count * length, length));
            count++;
        }
        if (count == 0) throw OutOfStep(startingAt);
        if (count < BatchSize) Array.Resize(ref signals, count * length);
        _batch = _runner.Predict(signals, count, _columns.Extras);
        _batchStart = startingAt;
    }

    // Both cursors walk the same unshuffled input, so they can only disagree if the input is not repeatable.
    private static InvalidOperationException OutOfStep(long position) =>
        new($"The input data view gave a different sequence of rows to a second cursor (at row {position}); " +
            "ERTS scoring needs an input whose unshuffled cursors are repeatable. Cache it first (mlContext.Data.Cache).");
}
