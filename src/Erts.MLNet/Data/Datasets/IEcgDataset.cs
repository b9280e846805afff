namespace Erts.MLNet.Data.Datasets;

/// <summary>
/// A dataset whose loader yields fixed-shape labelled examples per split: what
/// <see cref="EcgDataCatalog.LoadEcg(Microsoft.ML.DataOperationsCatalog, IEcgDataset, DatasetSplit)"/> turns into an IDataView.
/// </summary>
public interface IEcgDataset
{
    /// <summary>The examples of a split, read lazily, every one of the same leads, length and sampling rate.</summary>
    /// <param name="split">Which part; <see cref="DatasetSplit.All"/> for every example.</param>
    IEnumerable<EcgExample> Load(DatasetSplit split = DatasetSplit.All);
}
