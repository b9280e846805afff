using Erts.MLNet.Data;
using Erts.MLNet.Data.DataViews;
using Microsoft.ML;

namespace Erts.Experiments.Datasets;

/// <summary>
/// A dataset of the grid: where its files are, how it is split, subsampled and preprocessed, and how many epochs
/// its cells train. Prepared once per process; every cell then trains on the same examples.
/// </summary>
public abstract class GridDataset
{
    /// <summary>Grid name, e.g. "mitbih".</summary>
    public abstract string Name { get; }

    /// <summary>Folder under the data root (e.g. "mitdb"), or null when the data is generated.</summary>
    public abstract string? FolderName { get; }

    /// <summary>Epochs E of a full (not quick) cell; warm-up, CAM delay and revision keep the reference ratios.</summary>
    public abstract int Epochs { get; }

    /// <summary>One paragraph for docs/results.md: task, split, window, rate, subsampling.</summary>
    public abstract string Protocol { get; }

    /// <summary>Loads, splits, subsamples and preprocesses the data.</summary>
    /// <param name="mlContext">Context for the ECG transforms.</param>
    /// <param name="folder">The dataset folder (ignored when <see cref="FolderName"/> is null).</param>
    /// <param name="quick">True for the tiny smoke-test subset.</param>
    public abstract PreparedDataset Prepare(MLContext mlContext, string folder, bool quick);

    /// <summary>Runs the ECG transforms of <paramref name="preprocessing"/> over examples and reads the result back into memory.</summary>
    protected static List<EcgExample> Preprocess(MLContext mlContext, IReadOnlyList<EcgExample> examples, IEstimator<ITransformer> preprocessing)
    {
        var view = mlContext.Data.LoadEcg(examples);
        var transformed = preprocessing.Fit(view).Transform(view);
        // The Signal column's annotation carries the rate after resampling; the per-row SamplingRate column keeps the source's.
        float rate = EcgSchema.ReadShape(transformed.Schema).SamplingRate;
        return transformed.ToEcgExamples().Select(example => example with { SamplingRate = rate }).ToList();
    }
}
