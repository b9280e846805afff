using Microsoft.ML;
using Microsoft.ML.Data;

namespace Erts.MLNet.Model;

/// <summary>
/// A forward-only cursor over the scored view. Outputs are computed lazily in batches: when a row's output is first
/// read, the input cursor reads ahead over the next rows (<see cref="LookaheadCursor"/>), keeping their active input
/// columns, those rows go through the network at once, and the cursor then serves both their input columns and their
/// outputs from memory. The input is read by this one cursor, so every upstream loader and transform computes each
/// row once. Rows moved past before any output is read cost no forward pass.
/// </summary>
internal sealed class ScoredCursor : DataViewRowCursor
{
    /// <summary>Rows per forward pass.</summary>
    public const int BatchSize = 64;

    private readonly ScoringBinding _binding;
    private readonly NetworkRunner _runner;
    private readonly LookaheadCursor _rows;
    private readonly ScoredColumns _columns;
    private PredictionBatch? _batch;
    private long _batchStart = -1;

    public ScoredCursor(IDataView source, ScoringBinding binding, NetworkRunner runner, IEnumerable<DataViewSchema.Column> columnsNeeded)
    {
        _binding = binding;
        _runner = runner;
        var needed = columnsNeeded.ToList();
        _rows = new LookaheadCursor(source, binding.InputColumnsFor(needed), BatchSize);
        _columns = new ScoredColumns(binding, _rows, needed, Current);
    }

    public override DataViewSchema Schema => _binding.Output;

    public override long Position => _rows.Position;

    public override long Batch => _rows.Batch;

    public override bool MoveNext() => _rows.MoveNext();

    public override ValueGetter<DataViewRowId> GetIdGetter() => _rows.GetIdGetter();

    public override bool IsColumnActive(DataViewSchema.Column column) => _columns.IsActive(column);

    public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column) => _columns.GetGetter<TValue>(column);

    protected override void Dispose(bool disposing)
    {
        if (disposing) _rows.Dispose();
        base.Dispose(disposing);
    }

    private (PredictionBatch Batch, int Row) Current()
    {
        if (_rows.Position < 0) throw new InvalidOperationException("The cursor is not on a row; call MoveNext first.");
        // Windows never overlap, so a batch belongs to the current window exactly when they start on the same row.
        if (_batch is null || _batchStart != _rows.WindowStart) Predict();
        return (_batch!, _rows.Slot);
    }

    private void Predict()
    {
        int count = _rows.ReadAhead();
        var records = RecordReader.Allocate(_binding, count);
        var row = default(VBuffer<float>);
        int length = 0;
        for (int slot = 0; slot < count; slot++)
        {
            _rows.Read(_binding.Signal, slot, ref row);
            RecordReader.CopySignal(row, records, slot, _binding, _rows.WindowStart + slot);
            if (_binding.Length is { } lengthColumn)
            {
                _rows.Read(lengthColumn, slot, ref length);
                records.Lengths![slot] = RecordReader.CheckLength(length, _binding, _rows.WindowStart + slot);
            }
            if (_binding.Auxiliary is { } auxiliaryColumn)
            {
                _rows.Read(auxiliaryColumn, slot, ref row);
                RecordReader.CopyAuxiliary(row, records, slot, _binding, _rows.WindowStart + slot);
            }
        }
        var batch = _runner.Predict(records, _columns.Extras);
        RecordReader.RequireFiniteScores(batch, _binding.Model, _rows.WindowStart);
        _batch = batch;
        _batchStart = _rows.WindowStart;
    }
}
