using Erts.MLNet.Data;
using Erts.MLNet.Data.DataViews;
using Microsoft.ML;

namespace Erts.Pipelines;

/// <summary>Turns a dataset loader's examples into a lazy ML.NET view.</summary>
public static class EcgViews
{
    /// <summary>
    /// A view that reads <paramref name="source"/> each time it is enumerated (record by record, nothing cached);
    /// the shape (leads, samples, lead names, rate) is taken from the first example.
    /// </summary>
    /// <param name="mlContext">The ML.NET context.</param>
    /// <param name="source">A loader call, e.g. <c>() =&gt; database.Load(DatasetSplit.Train)</c>.</param>
    /// <exception cref="InvalidOperationException">The source yields no example.</exception>
    public static IDataView Load(MLContext mlContext, Func<IEnumerable<EcgExample>> source)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentNullException.ThrowIfNull(source);
        EcgExample first = source().FirstOrDefault() ?? throw new InvalidOperationException("The dataset split is empty: check the folder and the split.");
        return mlContext.Data.LoadEcg(source, new EcgSignalShape(first.Leads, first.Length, first.LeadNames, first.SamplingRate));
    }
}
