using Microsoft.ML;
using Microsoft.ML.Data;

namespace Erts.MLNet.Data.DataViews;

public sealed partial class EcgDataView
{
    /// <summary>Reads one example per <see cref="MoveNext"/> from a fresh enumeration of the source.</summary>
    private sealed class Cursor : DataViewRowCursor
    {
        private readonly EcgDataView _view;
        private readonly bool[] _active;
        private IEnumerator<EcgExample>? _examples;
        private EcgExample? _current;
        private long _position = -1;

        public Cursor(EcgDataView view, IEnumerable<DataViewSchema.Column> columnsNeeded)
        {
            _view = view;
            _active = new bool[view.Schema.Count];
            foreach (var column in columnsNeeded ?? [])
                _active[column.Index] = true;
            _examples = view._source().GetEnumerator();
        }

        public override DataViewSchema Schema => _view.Schema;

        public override long Position => _position;

        public override long Batch => 0;

        public override bool IsColumnActive(DataViewSchema.Column column) => _active[column.Index];

        public override bool MoveNext()
        {
            if (_examples == null) return false;
            if (!_examples.MoveNext())
            {
                Release();
                return false;
            }
            var example = _examples.Current ?? throw new InvalidDataException($"The source yielded a null example at row {_position + 1}.");
            _view.Shape.Check(example);
            RhythmColumn.Check(example, _view.RhythmSlotNames);
            _current = example;
            _position++;
            return true;
        }

        public override ValueGetter<DataViewRowId> GetIdGetter() =>
            (ref DataViewRowId value) => value = new DataViewRowId((ulong)CurrentRowPosition(), 0);

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            if (column.Index >= _active.Length || !ReferenceEquals(Schema[column.Index].Type, column.Type))
                throw new ArgumentOutOfRangeException(nameof(column), column.Name, "The column does not belong to this cursor's schema.");
            if (!_active[column.Index])
                throw new InvalidOperationException($"Column '{column.Name}' was not requested when the cursor was created.");

            Delegate getter = column.Name switch
            {
                EcgColumns.Signal => SignalGetter(),
                EcgColumns.Label => TextGetter(e => e.Label),
                EcgColumns.RecordId => TextGetter(e => e.RecordId),
                EcgColumns.PatientId => TextGetter(e => e.PatientId ?? string.Empty),
                EcgColumns.SamplingRate => (ValueGetter<float>)((ref float value) => value = CurrentExample().SamplingRate),
                EcgColumns.Rhythm => (ValueGetter<VBuffer<float>>)((ref VBuffer<float> value) => RhythmColumn.Read(CurrentExample(), ref value)),
                EcgColumns.SignalLength => (ValueGetter<int>)((ref int value) => value = CurrentExample().Length),
                _ => throw new ArgumentOutOfRangeException(nameof(column), column.Name, "Unknown column."),
            };
            return getter as ValueGetter<TValue>
                ?? throw new InvalidOperationException(
                    $"Column '{column.Name}' has type {column.Type}; GetGetter<{typeof(TValue).Name}> does not match it (use {column.Type.RawType.Name}).");
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) Release();
            base.Dispose(disposing);
        }

        // A whole record shorter than the view's signal goes at the start of each lead, zeros after it.
        private ValueGetter<VBuffer<float>> SignalGetter() => (ref VBuffer<float> value) =>
        {
            var example = CurrentExample();
            var shape = _view.Shape;
            var editor = VBufferEditor.Create(ref value, shape.Values);
            if (example.Length == shape.Samples)
                example.Signal.AsSpan().CopyTo(editor.Values);
            else
            {
                for (int lead = 0; lead < shape.Leads; lead++)
                {
                    var destination = editor.Values.Slice(lead * shape.Samples, shape.Samples);
                    example.Signal.AsSpan(lead * example.Length, example.Length).CopyTo(destination);
                    destination[example.Length..].Clear();
                }
            }
            value = editor.Commit();
        };

        private ValueGetter<ReadOnlyMemory<char>> TextGetter(Func<EcgExample, string> read) =>
            (ref ReadOnlyMemory<char> value) => value = read(CurrentExample()).AsMemory();

        private EcgExample CurrentExample() =>
            _current ?? throw new InvalidOperationException("The cursor is not on a row: call MoveNext first and stop when it returns false.");

        private long CurrentRowPosition()
        {
            CurrentExample();
            return _position;
        }

        private void Release()
        {
            _examples?.Dispose();
            _examples = null;
            _current = null;
        }
    }
}
