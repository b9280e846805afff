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
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IDataView LoadEcg(this DataOperationsCatalog catalog, Func<IEnumerable<EcgExample>> source,
        EcgSignalShape shape, long? rowCount = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return EcgDataView.Create(source, shape, rowCount);
    }

    /// <summary>A view over examples held in memory; the shape is taken from the first example.</summary>
    /// <param name="catalog">The <c>mlContext.Data</c> catalog.</param>
    /// <param name="examples">At least one example, all of the same shape.</param>
    /// <exception cref="ArgumentException"><paramref name="examples"/> is empty.</exception>
    /// <exception cref="EcgShapeException">An example does not have the shape of the first.</exception>
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
