using Erts.MLNet.Data.DataViews;

namespace Erts.MLNet.Data.Datasets;

/// <summary>
/// A dataset whose loader yields labelled examples per split: what
/// <see cref="EcgDataCatalog.LoadEcg(Microsoft.ML.DataOperationsCatalog, IEcgDataset, DatasetSplit)"/> turns into an IDataView.
/// </summary>
public interface IEcgDataset
{
    /// <summary>
    /// The examples of a split, read lazily, every one of the same leads and sampling rate, and of the same length
    /// unless <see cref="SignalShape"/> says the records are whole (<see cref="EcgSignalShape.VariableLength"/>).
    /// </summary>
    /// <param name="split">Which part; <see cref="DatasetSplit.All"/> for every example.</param>
    IEnumerable<EcgExample> Load(DatasetSplit split = DatasetSplit.All);

    /// <summary>
    /// The shape of every split's view when the loader knows it without reading signals (from headers), or null
    /// (the default) to take it from a split's first example. A loader of whole records of different lengths must
    /// give it: one example cannot tell the longest.
    /// </summary>
    EcgSignalShape? SignalShape() => null;
}
