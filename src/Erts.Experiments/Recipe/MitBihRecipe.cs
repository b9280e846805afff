using Erts.Experiments.Datasets;
using Erts.MLNet.Catalog;
using Erts.MLNet.Data;
using Erts.MLNet.Data.Datasets;
using Erts.MLNet.Explainability;
using Erts.MLNet.Networks;
using Erts.MLNet.Training;
using Erts.Pipelines;
using Microsoft.ML;

namespace Erts.Experiments.Recipe;

/// <summary>MIT-BIH Arrhythmia beats, inter-patient (de Chazal DS1 → DS2), with each beat's rhythm context.</summary>
public sealed class MitBihRecipe : RecipeDataset
{
    /// <summary>Normal training beats kept (DS1 has about 45,000; every S, V and F beat is kept).</summary>
    public const int NormalTrainBeats = 8_000;

    /// <summary>Epochs of every network run.</summary>
    public const int Epochs = 12;

    private const int Seed = 42;

    /// <inheritdoc />
    public override string Name => "mitbih";

    /// <inheritdoc />
    public override string FolderName => "mitdb";

    /// <inheritdoc />
    public override IReadOnlyList<string> HeadlineClasses { get; } = ["N", "S", "V"];

    /// <inheritdoc />
    public override string Protocol =>
        "MIT-BIH Arrhythmia, inter-patient (de Chazal 2004: DS1 trains, DS2 tests; paced records excluded); AAMI classes N, S, V, F " +
        "(Q dropped). DS1 split 90/10 at beat level (stratified, seed 42; S beats sit in a few records, so a record-level hold-out " +
        $"would take half of them from training): validation is the 10 % with N capped at 2,000 and only picks the epoch; training " +
        $"is every S, V and F beat of the 90 % and {NormalTrainBeats:N0} of its N beats drawn at random (seed 42). " +
        "Test: every DS2 beat. Input: MLII from 0.25 s before to 0.45 s after the annotated R peak (252 samples at 360 Hz), " +
        "z-scored per beat; rhythm context from the reference annotations (previous, next and local RR over the record's mean, " +
        "ratios; the Rhythm column). Networks: ResNet1d with the rhythm context fused before its head, amplitude x U(0.9, 1.1), " +
        $"noise sd 0.05 and shifts of up to 8 samples drawn every epoch, AdamW 1e-3, 1 warm-up epoch then cosine, batch 128, {Epochs} epochs, " +
        "class-balanced cross-entropy, focus measured at the input's resolution. FastTree: the Rhythm features and the 252 beat samples.";

    /// <inheritdoc />
    public override RecipeData Prepare(MLContext mlContext, string folder)
    {
        var (ds1, ds2) = LoadBeats(folder);
        // Beat-level hold-out: S beats sit in a handful of DS1 records (209 and 201 hold half of them), so holding out
        // whole records would take most of them from training. Validation only picks the epoch.
        var (train, validation) = TrainAndValidation(ds1, NormalTrainBeats, 2_000);
        return Parts(mlContext, train, validation, ds2);
    }

    /// <summary>DS1 and DS2 beats without the Q class (the protocol's two halves).</summary>
    public static (List<EcgExample> Ds1, List<EcgExample> Ds2) LoadBeats(string folder)
    {
        var database = new MitBeatDatabase(folder);
        List<EcgExample> Beats(DatasetSplit split) => database.Load(split).Where(beat => beat.Label != "Q").ToList();
        return (Beats(DatasetSplit.Train), Beats(DatasetSplit.Test));
    }

    /// <summary>The protocol's 90/10 beat-level split of <paramref name="beats"/>, N capped in each part (seed 42).</summary>
    public static (List<EcgExample> Train, List<EcgExample> Validation) TrainAndValidation(IReadOnlyList<EcgExample> beats, int normalTrain, int normalValidation)
    {
        var (pool, validationPool, _) = Subsample.Split(beats, new SplitFractions(0.9, 0.1, 0), Seed);
        return (CapNormal(pool, normalTrain), CapNormal(validationPool, normalValidation));
    }

    /// <summary>The three parts as cached views: beats z-scored, the Rhythm context fused, Rhythm + samples for FastTree.</summary>
    public static RecipeData Parts(MLContext mlContext, List<EcgExample> train, List<EcgExample> validation, List<EcgExample> test)
    {
        var normalize = mlContext.Transforms.Ecg.NormalizeLeads()
            .Append(mlContext.Transforms.Concatenate("BeatFeatures", "Rhythm", "Signal"));
        var fitted = normalize.Fit(mlContext.Data.LoadEcg(train));
        IDataView Part(IReadOnlyList<EcgExample> beats) => mlContext.Data.Cache(fitted.Transform(mlContext.Data.LoadEcg(beats)));
        return new RecipeData(Part(train), Part(validation), Part(test), "Rhythm", "BeatFeatures",
            $"train {train.Count:N0} / validation {validation.Count:N0} / " +
            $"test {test.Count:N0} beats; classes in training: {string.Join(", ", train.GroupBy(b => b.Label).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count():N0}"))}",
            SplitLines: null);
    }

    /// <inheritdoc />
    public override ErtsTrainer.Options NetworkOptions(string policy, int seed, bool fused, string featuresColumn)
    {
        var options = PracticalOptions(policy, seed, fused, featuresColumn);
        options.BatchSize = 128;
        options.Augmentation = new EcgAugmentation { AmplitudeScale = 0.1f, NoiseStandardDeviation = 0.05f, MaxTimeShift = 8 };
        options.FocusResolution = FocusResolution.Input;
        return ReferenceSchedule.Apply(options, Epochs);
    }

    private static List<EcgExample> CapNormal(List<EcgExample> beats, int normal)
    {
        var normals = Subsample.CapPerClass(beats.Where(b => b.Label == "N").ToList(), normal, Seed);
        return [.. beats.Where(b => b.Label != "N"), .. normals];
    }
}
