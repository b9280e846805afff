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

    /// <summary>
    /// What the loader accepted without guessing but left out or merged while reading its label files and record
    /// lists (e.g. a record listed twice with the same label, kept once; a PTB-XL row without a diagnostic statement,
    /// left out), one entry per occurrence in file order; empty (the default) when there was nothing to report.
    /// Problems that would need a guess (a record with two labels) throw <see cref="DataFormatException"/> instead.
    /// </summary>
    IReadOnlyList<DataWarning> Warnings => [];
}
