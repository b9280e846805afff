using Erts.MLNet.Catalog;
using Erts.MLNet.Data.Datasets;
using Erts.MLNet.Data.Synthetic;
using Microsoft.ML;

namespace Erts.Experiments.Datasets;

/// <summary>The library's generated ECGs (5 classes, lead II, 100 Hz, 4 s): no download, for smoke tests of the grid.</summary>
public sealed class SyntheticRhythms : GridDataset
{
    /// <inheritdoc />
    public override string Name => "synthetic";

    /// <inheritdoc />
    public override string? FolderName => null;

    /// <inheritdoc />
    public override int Epochs => 10;

    /// <inheritdoc />
    public override string Protocol =>
        "Synthetic ECGs of the library's generator (NORM, AF, PVC, BBB, ST), lead II, 4 s at 125 Hz, stratified 60/20/20 split.";

    /// <inheritdoc />
    public override PreparedDataset Prepare(MLContext mlContext, string folder, bool quick)
    {
        var options = new SyntheticEcgOptions
        {
            SamplingRate = 125, DurationSeconds = 4, LeadNames = ["II"], ExamplesPerClass = quick ? 10 : 60, Seed = 42,
        };
        var examples = SyntheticEcg.Generate(options).Select(record => record.Example).ToList();
        var (train, validation, test) = Subsample.Split(examples, new SplitFractions(0.6, 0.2, 0.2), 42);
        var normalize = mlContext.Transforms.Ecg.NormalizeLeads();
        return new PreparedDataset(Preprocess(mlContext, train, normalize), Preprocess(mlContext, validation, normalize), Preprocess(mlContext, test, normalize));
    }
}
