using Microsoft.ML;
using Microsoft.ML.Data;

namespace Erts.MLNet.Training;

/// <summary>Materialises a training view into <see cref="EcgTensorData"/> with one cursor.</summary>
internal static class TrainingDataReader
{
    /// <summary>Reads every row; rows with a missing label (key 0) are skipped and counted.</summary>
    public static (EcgTensorData Data, int SkippedRows) Read(IDataView data, TrainingColumns columns)
    {
        int length = columns.Leads * columns.Samples;
        var signals = new List<float[]>();
        var labels = new List<int>();
        int skipped = 0;
        using (var cursor = data.GetRowCursor([columns.Label, columns.Signal]))
        {
            var labelGetter = ClassIndexGetter(cursor, columns.Label);
            var signalGetter = cursor.GetGetter<VBuffer<float>>(columns.Signal);
            var signal = default(VBuffer<float>);
            while (cursor.MoveNext())
            {
                int label = labelGetter();
                if (label < 0) { skipped++; continue; }
                signalGetter(ref signal);
                var values = new float[length];
                signal.CopyTo(values);
                signals.Add(values);
                labels.Add(label);
            }
        }

        var block = new float[(long)signals.Count * length];
        for (int i = 0; i < signals.Count; i++) signals[i].CopyTo(block, (long)i * length);
        return (new EcgTensorData(block, labels.ToArray(), columns.Leads, columns.Samples, columns.ClassNames), skipped);
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
