// PhysioNet/CinC Challenge 2017: rhythm of a single-lead hand-held ECG, N (normal), A (atrial fibrillation),
// O (other rhythm) or ~ (too noisy), from whole records (9-61 s). The recipe of the field: random 10 s windows drawn
// afresh every epoch with light augmentation, warm-up + cosine learning rate, whole records scored by the mean over
// 10 s windows; the record's hand-made rhythm features (RR, HRV) join the 1-D ResNet before its head.
//   dotnet run --project pipelines/Cinc2017 -c Release -- [cinc2017-folder] [--epochs 30] [--policy erts-dbpd] [--output results/cinc2017]
using Erts.MLNet.Features;
using Erts.Pipelines;

var arguments = PipelineArguments.Parse(args, "cinc2017", "https://physionet.org/content/challenge-2017/1.0.0/", defaultEpochs: 30);
if (arguments is null) return 1;

var mlContext = new MLContext(seed: 42);
// Whole records, zero-padded to the longest, with a SignalLength column; stratified 80/10/10 split, seed 42.
var cinc = new Cinc2017Database(arguments.Folder, new Cinc2017Database.Options { Length = null });
IDataView Records(DatasetSplit split) => mlContext.Data.LoadEcg(cinc, split);
var train = Records(DatasetSplit.Train);

var preprocessing = mlContext.Transforms.Ecg.HandleNonFinite()
    .Append(mlContext.Transforms.Ecg.ExtractFeatures(EcgFeatureSet.Rhythm))   // R peaks, RR and HRV of the whole record, at 300 Hz
    .Append(mlContext.Transforms.ReplaceMissingValues("Features"))            // e.g. HRV of a record with too few beats
    .Append(mlContext.Transforms.Ecg.Resample(100))                           // rhythm needs no more than 100 Hz
    .Append(mlContext.Transforms.Ecg.NormalizeLeads());                       // per-record z-score (many recordings are inverted or scaled)
var options = arguments.ApplySchedule(new ErtsTrainer.Options
{
    Network = Backbone.ResNet1d,
    TrainingWindow = 1_000,                               // a random 10 s window of every record, drawn afresh each epoch
    InferenceStride = 500,                                // records scored by 10 s windows 5 s apart, probabilities averaged
    Augmentation = EcgAugmentation.Light,                 // amplitude x U(0.8, 1.2), noise sd 0.05
    BatchSize = 64,
    LearningRate = 1e-3,
    LearningRateSchedule = LearningRateSchedule.WarmupCosine,
    AuxiliaryFeaturesColumnName = "Features",             // the hand-made features join the network before its head
});

using var result = ErtsPipeline.TrainAndEvaluate(mlContext, preprocessing, options, train, Records(DatasetSplit.Validation), Records(DatasetSplit.Test));
ErtsPipeline.Save(mlContext, result, train.Schema, arguments.Output);
return 0;
