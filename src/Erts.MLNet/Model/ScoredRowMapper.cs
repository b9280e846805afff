using Microsoft.ML;
using Microsoft.ML.Data;

namespace Erts.MLNet.Model;

/// <summary>
/// Scores one row at a time (what <c>PredictionEngine</c> uses): the network runs when an output of a new input
/// position is first read, and the result is reused by the other output getters of that row.
/// </summary>
internal sealed class ScoredRowMapper(ScoringBinding binding, NetworkRunner runner) : IRowToRowMapper
{
    public DataViewSchema InputSchema => binding.Input;

    public DataViewSchema OutputSchema => binding.Output;

    public IEnumerable<DataViewSchema.Column> GetDependencies(IEnumerable<DataViewSchema.Column> dependingColumns) =>
        binding.InputColumnsFor(dependingColumns);

    public DataViewRow GetRow(DataViewRow input, IEnumerable<DataViewSchema.Column> activeColumns) =>
        new ScoredRow(input, binding, runner, activeColumns);

    private sealed class ScoredRow : DataViewRow
    {
        private readonly DataViewRow _input;
        private readonly ScoringBinding _binding;
        private readonly NetworkRunner _runner;
        private readonly ScoredColumns _columns;
        private ValueGetter<VBuffer<float>>? _signalGetter;
        private ValueGetter<int>? _lengthGetter;
        private ValueGetter<VBuffer<float>>? _auxiliaryGetter;
        private PredictionBatch? _prediction;
        private long _predictedPosition = -1;

        public ScoredRow(DataViewRow input, ScoringBinding binding, NetworkRunner runner, IEnumerable<DataViewSchema.Column> activeColumns)
        {
            _input = input;
            _binding = binding;
            _runner = runner;
            _columns = new ScoredColumns(binding, input, activeColumns, Current);
        }

        public override DataViewSchema Schema => _binding.Output;

        public override long Position => _input.Position;

        public override long Batch => _input.Batch;

        public override ValueGetter<DataViewRowId> GetIdGetter() => _input.GetIdGetter();

        public override bool IsColumnActive(DataViewSchema.Column column) => _columns.IsActive(column);

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column) => _columns.GetGetter<TValue>(column);

        private (PredictionBatch Batch, int Row) Current()
        {
            if (_prediction is null || _predictedPosition != _input.Position)
            {
                _signalGetter ??= _input.GetGetter<VBuffer<float>>(_binding.Signal);
                var records = RecordReader.Allocate(_binding, 1);
                var row = default(VBuffer<float>);
                _signalGetter(ref row);
                RecordReader.CopySignal(row, records, 0, _binding, _input.Position);
                if (_binding.Length is { } lengthColumn)
                {
                    _lengthGetter ??= _input.GetGetter<int>(lengthColumn);
                    int length = 0;
                    _lengthGetter(ref length);
                    records.Lengths![0] = RecordReader.CheckLength(length, _binding, _input.Position);
                }
                if (_binding.Auxiliary is { } auxiliaryColumn)
                {
                    _auxiliaryGetter ??= _input.GetGetter<VBuffer<float>>(auxiliaryColumn);
                    _auxiliaryGetter(ref row);
                    RecordReader.CopyAuxiliary(row, records, 0, _binding, _input.Position);
                }
                var prediction = _runner.Predict(records, _columns.Extras);
                RecordReader.RequireFiniteScores(prediction, _binding.Model, _input.Position);
                _prediction = prediction;
                _predictedPosition = _input.Position;
            }
            return (_prediction, 0);
        }
    }
}
