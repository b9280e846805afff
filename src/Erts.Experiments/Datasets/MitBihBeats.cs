using Erts.MLNet.Catalog;
using Erts.MLNet.Data;
using Erts.MLNet.Data.Datasets;
using Microsoft.ML;

namespace Erts.Experiments.Datasets;

/// <summary>MIT-BIH Arrhythmia beats, inter-patient (de Chazal DS1 trains, DS2 tests), AAMI classes N, S, V, F.</summary>
public sealed class MitBihBeats : GridDataset
{
    /// <summary>Training beats kept per class (DS1 has ~45k N, ~940 S, ~3.8k V, ~415 F).</summary>
    public const int TrainPerClass = 400;

    /// <summary>Validation beats kept per class, from the 10 % of DS1 held out.</summary>
    public const int ValidationPerClass = 100;

    /// <summary>DS2 beats tested, a stratified sample that keeps DS2's class proportions.</summary>
    public const int TestBeats = 5_000;

    private const int Seed = 42;

    /// <inheritdoc />
    public override string Name => "mitbih";

    /// <inheritdoc />
    public override string? FolderName => "mitdb";

    /// <inheritdoc />
    public override int Epochs => 10;

    /// <inheritdoc />
    public override string Protocol =>
        $"MIT-BIH Arrhythmia, inter-patient (de Chazal 2004: DS1 trains, DS2 tests; paced records excluded); MLII window " +
        $"0.25 s before to 0.45 s after each R peak (252 samples at 360 Hz), z-scored per beat; AAMI classes N, S, V, F " +
        $"(Q dropped: 15 beats). DS1 split 90/10 (stratified, beat level) into train/validation, then at most " +
        $"{TrainPerClass:N0} training and {ValidationPerClass} validation beats per class (seeded); test: {TestBeats:N0} DS2 " +
        "beats, stratified so DS2's class proportions are kept.";

    /// <inheritdoc />
    public override PreparedDataset Prepare(MLContext mlContext, string folder, bool quick)
    {
        var database = new MitBeatDatabase(folder);
        List<EcgExample> Beats(DatasetSplit split) => database.Load(split).Where(beat => beat.Label != "Q").ToList();
        var (pool, validationPool, _) = Subsample.Split(Beats(DatasetSplit.Train), new SplitFractions(0.9, 0.1, 0), Seed);
        var test = Beats(DatasetSplit.Test);

        var train = Subsample.CapPerClass(pool, quick ? 24 : TrainPerClass, Seed);
        var validation = Subsample.CapPerClass(validationPool, quick ? 8 : ValidationPerClass, Seed);
        test = quick ? Subsample.CapPerClass(test, 8, Seed) : Subsample.Proportional(test, TestBeats, Seed);

        var normalize = mlContext.Transforms.Ecg.NormalizeLeads();
        return new PreparedDataset(Preprocess(mlContext, train, normalize), Preprocess(mlContext, validation, normalize), Preprocess(mlContext, test, normalize));
    }
}
