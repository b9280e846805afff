using Erts.MLNet.Catalog;
using Erts.MLNet.Data;
using Erts.MLNet.Data.Datasets;
using Microsoft.ML;

namespace Erts.Experiments.Datasets;

/// <summary>PTB-XL diagnostic superclasses (NORM, MI, STTC, CD, HYP) of 12-lead 10 s ECGs at 100 Hz.</summary>
public sealed class PtbXlSuperclasses : GridDataset
{
    /// <inheritdoc />
    public override string Name => "ptbxl";

    /// <inheritdoc />
    public override string? FolderName => "ptbxl";

    /// <inheritdoc />
    public override int Epochs => 20;

    /// <inheritdoc />
    public override string Protocol =>
        "PTB-XL subset in ../shared/data (353 records, ecg_id 1-500, strat_fold 1-8 only: the recommended folds 9-10 are " +
        "held out elsewhere), so folds 1-6 train (264), fold 7 validates (44) and fold 8 tests (44); single label = the " +
        "superclass of the highest-likelihood diagnostic code (ecg_id 385, with none, is left out), 12 leads x 1000 samples at 100 Hz, " +
        "z-scored per record and lead. A 44-record test set: expect a wide spread between seeds.";

    /// <inheritdoc />
    public override PreparedDataset Prepare(MLContext mlContext, string folder, bool quick)
    {
        int[] folds = new PtbXlDatabase(folder).Entries.Select(entry => entry.StratFold).Distinct().Order().ToArray();
        var database = new PtbXlDatabase(folder, new PtbXlDatabase.Options { ValidationFold = folds[^2], TestFold = folds[^1] });
        var preprocessing = mlContext.Transforms.Ecg.HandleNonFinite().Append(mlContext.Transforms.Ecg.NormalizeLeads());
        List<EcgExample> Load(DatasetSplit split, int quickCap)
        {
            var examples = database.Load(split).ToList();
            return Preprocess(mlContext, quick ? Subsample.CapPerClass(examples, quickCap, 42) : examples, preprocessing);
        }
        return new PreparedDataset(Load(DatasetSplit.Train, 8), Load(DatasetSplit.Validation, 3), Load(DatasetSplit.Test, 3));
    }
}
