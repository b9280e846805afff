using Erts.MLNet.Tests.Training;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Erts.MLNet.Tests.Model;

/// <summary>
/// An input to score that counts its own work: a loader (<c>LoadFromEnumerable</c> over generated rows, enumerated
/// afresh by every cursor) counting the rows it yields, then a <c>CustomMapping</c> of the Signal column (as a filter
/// or resampler would be) counting the signals it computes.
/// </summary>
internal sealed class CountingUpstream
{
    private int _loadedRows;
    private int _mappedSignals;

    /// <summary><paramref name="count"/> rows of <see cref="ErtsTrainerTestRows.Rows"/> (2 leads x 128 samples).</summary>
    public CountingUpstream(MLContext mlContext, int count)
    {
        var rows = ErtsTrainerTestRows.Rows(count);
        var counted = rows.Select(row =>
        {
            Interlocked.Increment(ref _loadedRows);
            return row;
        });
        var loaded = ErtsTrainerTestRows.View(mlContext, counted, new VectorDataViewType(NumberDataViewType.Single, 2, 128));
        View = mlContext.Transforms.CustomMapping<SignalRow, SignalRow>((input, output) =>
        {
            Interlocked.Increment(ref _mappedSignals);
            output.Signal = input.Signal;
        }, contractName: null).Fit(loaded).Transform(loaded);
    }

    /// <summary>Label (text) and the mapped Signal.</summary>
    public IDataView View { get; }

    /// <summary>Rows the loader has yielded, over all cursors.</summary>
    public int LoadedRows => Volatile.Read(ref _loadedRows);

    /// <summary>Signals the mapping has computed, over all cursors.</summary>
    public int MappedSignals => Volatile.Read(ref _mappedSignals);

    /// <summary>The mapping's input and output row.</summary>
    public sealed class SignalRow
    {
        [VectorType(2, 128)]
        public float[] Signal { get; set; } = [];
    }
}
