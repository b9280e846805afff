using System.Globalization;
using Microsoft.ML;

namespace Erts.MLNet.Training.Storage;

/// <summary>
/// The signal stores of one <c>Fit</c>: the training view and an optional validation view share one in-memory
/// limit (<see cref="ErtsTrainer.Options.InMemoryDataLimitMegabytes"/>); what does not fit goes to temporary files
/// in <see cref="ErtsTrainer.Options.SpillDirectory"/>, deleted when <see cref="Stores"/> is disposed.
/// </summary>
internal sealed class TrainingDataStorage(ErtsTrainer.Options options)
{
    private readonly long _limitBytes = LimitBytes(options.InMemoryDataLimitMegabytes);
    private readonly string _spillFolder = options.SpillDirectory ?? Path.GetTempPath();


    /// <summary>Every store read so far; dispose it when training ends.</summary>
    public StoreList Stores { get; } = new();

    /// <summary>Reads <paramref name="data"/> with what is left of the in-memory limit.</summary>
    public (EcgTensorData Data, int SkippedRows) Read(IDataView data, TrainingColumns columns)
    {
        long left = Math.Max(0, _limitBytes - Stores.Items.Sum(store => store.BytesInMemory));
        var (tensors, store, skipped) = TrainingDataReader.Read(data, columns, left, _spillFolder);
        Stores.Items.Add(store);
        return (tensors, skipped);
    }

    /// <summary>A log line when some data went to disk, else null.</summary>
    public string? Describe()
    {
        var onDisk = Stores.Items.OfType<FileSignalStore>().ToList();
        if (onDisk.Count == 0) return null;
        double megabytes = onDisk.Sum(store => (double)store.Count * store.Stride * sizeof(float)) / (1 << 20);
        return string.Format(CultureInfo.InvariantCulture,
            "{0:F0} MB of signals exceed the in-memory limit of {1:F0} MB: they are read from a temporary file in '{2}' (deleted after Fit).",
            megabytes, _limitBytes / (double)(1 << 20), _spillFolder);
    }

    /// <summary>
    /// The limit in bytes: the option, or by default half of the memory the runtime may use (the machine's, or the
    /// container's limit), leaving room for the network, libtorch and the batch tensors.
    /// </summary>
    public static long LimitBytes(int? megabytes) =>
        megabytes is { } set ? set * (1L << 20) : GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 2;

    /// <summary>Stores to dispose together.</summary>
    public sealed class StoreList : IDisposable
    {
        /// <summary>The stores.</summary>
        public List<ISignalStore> Items { get; } = [];

        /// <inheritdoc/>
        public void Dispose()
        {
            foreach (var store in Items) store.Dispose();
            Items.Clear();
        }
    }
}
