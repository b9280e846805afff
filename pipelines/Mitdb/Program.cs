// MIT-BIH Arrhythmia, inter-patient protocol (de Chazal 2004: DS1 trains, DS2 tests): AAMI beat classes N, S, V, F
// from a 0.7 s MLII window around each R peak and the beat's rhythm context (RR intervals around it, over the
// record's mean), fused into a 1-D ResNet before its head; light augmentation drawn every epoch, warm-up + cosine.
//   dotnet run --project pipelines/Mitdb -c Release -- [mitdb-folder] [--epochs 12] [--policy erts-dbpd] [--output results/mitdb]
using Erts.Pipelines;

var arguments = PipelineArguments.Parse(args, "mitdb", "https://physionet.org/content/mitdb/1.0.0/", defaultEpochs: 12);
if (arguments is null) return 1;

var mlContext = new MLContext(seed: 42);
var mitdb = new MitBeatDatabase(arguments.Folder);   // MLII, 0.25 s before + 0.45 s after the R peak, AAMI labels, DS1/DS2, Rhythm column
// Q (unclassifiable) has a handful of beats outside the paced records: too few to learn or score. DS1 has about 45,000
// N beats against 4,700 of the other classes together: 8,000 N beats drawn at random keep an epoch short and lose nothing.
var random = new Random(42);
var ds1 = mitdb.Load(DatasetSplit.Train).Where(beat => beat.Label != "Q").ToList();
var normal = ds1.Where(beat => beat.Label == "N").OrderBy(_ => random.Next()).Take(8_000);
var train = mlContext.Data.LoadEcg([.. ds1.Where(beat => beat.Label != "N"), .. normal]);
var test = mlContext.Data.LoadEcg(mitdb.Load(DatasetSplit.Test).Where(beat => beat.Label != "Q").ToList());

var preprocessing = mlContext.Transforms.Ecg.NormalizeLeads();   // z-score each beat window
var options = arguments.ApplySchedule(new ErtsTrainer.Options
{
    Network = Backbone.ResNet1d,
    AuxiliaryFeaturesColumnName = EcgColumns.Rhythm,   // a supraventricular beat looks normal but comes early: give the network its RR context
    Augmentation = new EcgAugmentation { AmplitudeScale = 0.1f, NoiseStandardDeviation = 0.05f, MaxTimeShift = 8 },
    BatchSize = 128,
    LearningRate = 1e-3,
    LearningRateSchedule = LearningRateSchedule.WarmupCosine,
    // A 252-sample beat leaves ResNet1d's explained layer 8 time positions, too few for the reference focus score to
    // vary (it would be 1 for every beat): score each Grad-CAM profile stretched to the beat's 252 samples instead.
    FocusResolution = FocusResolution.Input,
});

// No validation split in the protocol: the trainer holds out 10 % of DS1 (stratified) to pick the best epoch.
using var result = ErtsPipeline.TrainAndEvaluate(mlContext, preprocessing, options, train, validation: null, test);
ErtsPipeline.Save(mlContext, result, train.Schema, arguments.Output);
return 0;
