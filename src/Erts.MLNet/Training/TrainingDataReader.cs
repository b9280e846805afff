using Erts.MLNet.Data;
using Erts.MLNet.Data.DataViews;
using Erts.MLNet.Training.Storage;
using Erts.MLNet.Transforms;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Erts.MLNet.Training;

/// <summary>
/// Reads a training view into <see cref="EcgTensorData"/> with one cursor: signals go to memory up to a limit and
/// to a temporary file beyond it (<see cref="SignalStoreWriter"/>), so a view larger than memory can be trained on.
/// </summary>
internal static class TrainingDataReader
{
    /// <summary>What the trainer says about a non-finite signal sample.</summary>
    internal const string SignalRule =
        "the ERTS trainer takes finite samples only: replace NaN and infinities first with mlContext.Transforms.Ecg.HandleNonFinite() " +
        "(put it before any filter or normalisation, which spread a NaN over the lead), or fix the source (a WFDB 'invalid' sample reads as NaN, " +
        "a tiny ADC gain overflows)";

    /// <summary>What the trainer says about a non-finite auxiliary feature.</summary>
    internal const string AuxiliaryRule =
        "the ERTS trainer takes finite features only: replace missing features upstream, e.g. with mlContext.Transforms.ReplaceMissingValues";

    /// <summary>
    /// Reads every row; rows with a missing label (key 0) are skipped and counted. A NaN or infinite signal sample or
    /// auxiliary feature in a labelled row stops the read: training on it would give NaN weights.
    /// </summary>
    /// <param name="data">The view.</param>
    /// <param name="columns">Its bound label and signal columns.</param>
    /// <param name="memoryLimitBytes">Signal bytes kept in memory before the rest goes to a temporary file.</param>
    /// <param name="spillFolder">Folder of that temporary file.</param>
    /// <returns>The data, the store holding its signals (the caller disposes it when training ends) and the skipped count.</returns>
    /// <exception cref="NonFiniteSignalException">A signal sample is NaN or infinite (the message names the row, its record id, lead and sample).</exception>
    /// <exception cref="NonFiniteValueException">An auxiliary feature is NaN or infinite.</exception>
    public static (EcgTensorData Data, ISignalStore Store, int SkippedRows) Read(IDataView data, TrainingColumns columns, long memoryLimitBytes, string spillFolder)
    {
        int stride = columns.Leads * columns.Samples;
        using var writer = new SignalStoreWriter(stride, memoryLimitBytes, spillFolder);
        var labels = new List<int>();
        var lengths = columns.Length is null ? null : new List<int>();
        var auxiliary = columns.Auxiliary is null ? null : new List<float>();
        int skipped = 0;
        var active = new List<DataViewSchema.Column> { columns.Label, columns.Signal };
        if (columns.Length is { } lengthColumn) active.Add(lengthColumn);
        if (columns.Auxiliary is { } auxiliaryColumn) active.Add(auxiliaryColumn);
        // Read only to name the row in an error.
        var recordIdColumn = data.Schema.GetColumnOrNull(EcgColumns.RecordId) is { Type: TextDataViewType } id ? id : (DataViewSchema.Column?)null;
        if (recordIdColumn is { } recordIds) active.Add(recordIds);
        using (var cursor = data.GetRowCursor(active))
        {
            var recordIdGetter = recordIdColumn is { } r ? cursor.GetGetter<ReadOnlyMemory<char>>(r) : null;
            string? RecordId()
            {
                if (recordIdGetter is null) return null;
                var value = default(ReadOnlyMemory<char>);
                recordIdGetter(ref value);
                return value.ToString();
            }

            var labelGetter = ClassIndexGetter(cursor, columns.Label);
            var signalGetter = cursor.GetGetter<VBuffer<float>>(columns.Signal);
            var lengthGetter = columns.Length is { } l ? cursor.GetGetter<int>(l) : null;
            var auxiliaryGetter = columns.Auxiliary is { } a ? cursor.GetGetter<VBuffer<float>>(a) : null;
            var signal = default(VBuffer<float>);
            var features = default(VBuffer<float>);
            var row = new float[stride];
            var featureRow = new float[columns.AuxiliarySize];
            while (cursor.MoveNext())
            {
                int label = labelGetter();
                if (label < 0) { skipped++; continue; }
                signalGetter(ref signal);
                signal.CopyTo(row);
                if (FiniteValues.IndexOfNonFinite(row) is var bad and >= 0)
                    throw new NonFiniteSignalException(columns.Signal.Name, cursor.Position, RecordId(), bad / columns.Samples, leadName: null,
                        bad % columns.Samples, row[bad], SignalRule);
                if (lengthGetter is not null)
                {
                    int length = 0;
                    lengthGetter(ref length);
                    if (length < 1 || length > columns.Samples)
                        throw new InvalidOperationException(
                            $"Row {cursor.Position}: column '{columns.Length!.Value.Name}' is {length}; a record length must be in [1, {columns.Samples}] (the signal's samples per lead).");
                    lengths!.Add(length);
                }
                if (auxiliaryGetter is not null)
                {
                    auxiliaryGetter(ref features);
                    features.CopyTo(featureRow);
                    if (FiniteValues.IndexOfNonFinite(featureRow) is var badFeature and >= 0)
                        throw new NonFiniteValueException(columns.Auxiliary!.Value.Name, cursor.Position, RecordId(),
                            $"auxiliary feature {badFeature}", featureRow[badFeature], AuxiliaryRule);
                    auxiliary!.AddRange(featureRow);
                }
                writer.Append(row);
                labels.Add(label);
            }
        }

        var store = writer.Complete();
        return (new EcgTensorData(store, labels.ToArray(), columns.Leads, columns.Samples, columns.ClassNames, rows: null,
            lengths?.ToArray(), auxiliary?.ToArray(), columns.AuxiliarySize), store, skipped);
    }

    /// <summary>0-based class of the current row, or -1 for a missing label; any unsigned key representation.</summary>
    private static Func<int> ClassIndexGetter(DataViewRow row, DataViewSchema.Column label)
    {
        Func<int> Of<T>(Func<T, ulong> toKey)
        {
            var getter = row.GetGetter<T>(label);
            return () =>
            {
                T value = default!;
                getter(ref value);
                return (int)toKey(value) - 1;
            };
        }

        return label.Type.RawType switch
        {
            var t when t == typeof(uint) => Of<uint>(v => v),
            var t when t == typeof(ushort) => Of<ushort>(v => v),
            var t when t == typeof(byte) => Of<byte>(v => v),
            var t when t == typeof(ulong) => Of<ulong>(v => v),
            var t => throw new ArgumentOutOfRangeException("inputSchema", $"The label column '{label.Name}' is a key of {t.Name}, which is not supported."),
        };
    }
}
