using Erts.MLNet.Catalog;
using Erts.MLNet.Data;
using Erts.MLNet.Data.Datasets;
using Microsoft.ML;

namespace Erts.Experiments.Datasets;

/// <summary>PhysioNet/CinC 2017 rhythm classes N, A, O, ~ of single-lead hand-held ECGs.</summary>
public sealed class Cinc2017Rhythm : GridDataset
{
    /// <summary>Sampling rate after resampling, Hz.</summary>
    public const int Rate = 50;

    /// <summary>Seconds kept from the start of each record (zero-padded when shorter).</summary>
    public const int Seconds = 15;

    /// <inheritdoc />
    public override string Name => "cinc2017";

    /// <inheritdoc />
    public override string? FolderName => "cinc2017";

    /// <inheritdoc />
    public override int Epochs => 10;

    /// <inheritdoc />
    public override string Protocol =>
        $"PhysioNet/CinC 2017 (the 2,000 records A00001-A02000 in ../shared/data), updated labels N/A/O/~; stratified " +
        $"80/10/10 split (seed 42); the first {Seconds} s of each record (zero-padded), resampled 300 -> {Rate} Hz " +
        $"({Seconds * Rate} samples), z-scored per record. All records used.";

    /// <inheritdoc />
    public override PreparedDataset Prepare(MLContext mlContext, string folder, bool quick)
    {
        var database = new Cinc2017Database(folder, new Cinc2017Database.Options { Length = Seconds * 300 });
        var preprocessing = mlContext.Transforms.Ecg.HandleNonFinite()
            .Append(mlContext.Transforms.Ecg.Resample(Rate))
            .Append(mlContext.Transforms.Ecg.NormalizeLeads());
        List<EcgExample> Load(DatasetSplit split, int quickCap)
        {
            var examples = database.Load(split).ToList();
            return Preprocess(mlContext, quick ? Subsample.CapPerClass(examples, quickCap, 42) : examples, preprocessing);
        }
        return new PreparedDataset(Load(DatasetSplit.Train, 16), Load(DatasetSplit.Validation, 4), Load(DatasetSplit.Test, 4));
    }
}
