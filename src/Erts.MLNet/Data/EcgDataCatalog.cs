using Erts.MLNet.Data.Datasets;
using Erts.MLNet.Data.DataViews;
using Erts.MLNet.Data.Synthetic;
using Microsoft.ML;

namespace Erts.MLNet.Data;

/// <summary>
/// Entry points on <c>mlContext.Data</c> that turn ECG sources into <see cref="IDataView"/>s following the ECG
/// convention (<see cref="EcgColumns"/>).
/// </summary>
public static class EcgDataCatalog
{
    /// <summary>
    /// A lazy view over a re-enumerable source of examples (for instance a dataset loader's enumeration).
    /// </summary>
    /// <param name="catalog">The <c>mlContext.Data</c> catalog.</param>
    /// <param name="source">Returns a fresh enumeration of the examples each time it is called.</param>
    /// <param name="shape">Leads, samples per lead, lead names and sampling rate every example has.</param>
    /// <param name="rowCount">Number of examples when known, else null.</param>
    /// <param name="rhythmSlotNames">
    /// Names of the rhythm values every example carries (e.g. <see cref="BeatRhythm.SlotNames"/> for
    /// <see cref="MitBeatDatabase"/> beats), which adds the <c>Rhythm</c> column; null (default) for none.
    /// </param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IDataView LoadEcg(this DataOperationsCatalog catalog, Func<IEnumerable<EcgExample>> source,
        EcgSignalShape shape, long? rowCount = null, IReadOnlyList<string>? rhythmSlotNames = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return EcgDataView.Create(source, shape, rowCount, rhythmSlotNames);
    }

    /// <summary>
    /// A lazy view over one split of a dataset loader (MIT-BIH beats, PTB-XL, CinC 2017, PhysioNet 2020 layout).
    /// The signal shape is the loader's <see cref="IEcgDataset.SignalShape"/> when it states one (whole records of
    /// different lengths: the view pads them and adds <c>SignalLength</c>), else the split's first example's; the
    /// <c>Rhythm</c> column is present when the first example carries a rhythm vector (MIT-BIH beats by default). Rows
    /// are then read record by record as a cursor moves, so a dataset larger than memory streams.
    /// </summary>
    /// <example>
    /// <code>
    /// var train = mlContext.Data.LoadEcg(new MitBeatDatabase("data/mitdb"), DatasetSplit.Train);
    /// // Whole CinC 2017 records (9-61 s), zero-padded to the longest, with their lengths in SignalLength:
    /// var whole = mlContext.Data.LoadEcg(new Cinc2017Database("data/cinc2017", new() { Length = null }), DatasetSplit.Train);
    /// </code>
    /// </example>
    /// <param name="catalog">The <c>mlContext.Data</c> catalog.</param>
    /// <param name="dataset">The loader.</param>
    /// <param name="split">Which part.</param>
    /// <exception cref="InvalidOperationException">The split has no example.</exception>
    public static IDataView LoadEcg(this DataOperationsCatalog catalog, IEcgDataset dataset, DatasetSplit split)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(dataset);
        EcgExample first = dataset.Load(split).FirstOrDefault()
            ?? throw new InvalidOperationException($"{dataset.GetType().Name} has no example in split {split}.");
        return EcgDataView.Create(() => dataset.Load(split), dataset.SignalShape() ?? EcgSignalShape.Of(first), rhythmSlotNames: first.Rhythm?.SlotNames);
    }

    /// <summary>
    /// A view over examples held in memory; the shape is the first example's, or, when lengths differ, up to the
    /// longest example's (shorter ones zero-padded, with a <c>SignalLength</c> column; see <see cref="EcgSignalShape.Enclosing"/>);
    /// the <c>Rhythm</c> column is present when the first example carries a rhythm vector.
    /// </summary>
    /// <param name="catalog">The <c>mlContext.Data</c> catalog.</param>
    /// <param name="examples">At least one example, all of the same leads and sampling rate.</param>
    /// <exception cref="ArgumentException"><paramref name="examples"/> is empty.</exception>
    /// <exception cref="EcgShapeException">An example does not have the leads or rate of the first.</exception>
    public static IDataView LoadEcg(this DataOperationsCatalog catalog, IReadOnlyList<EcgExample> examples)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return EcgDataView.FromList(examples);
    }

    /// <summary>
    /// The built-in synthetic ECG dataset, generated lazily and deterministically (no download).
    /// Same as <see cref="SyntheticEcg.CreateDataView(SyntheticEcgOptions?)"/>.
    /// </summary>
    /// <param name="catalog">The <c>mlContext.Data</c> catalog.</param>
    /// <param name="options">Generator options; null for the defaults.</param>
    public static IDataView LoadSyntheticEcg(this DataOperationsCatalog catalog, SyntheticEcgOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return SyntheticEcg.CreateDataView(options);
    }
}
