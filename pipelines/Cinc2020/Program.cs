// PhysioNet/CinC Challenge 2020 layout (CPSC 2018, Georgia 12-lead, ...): 8 classes (NORM, AF, LBBB, RBBB, ST, AVB,
// PVC, OTHER) from the SNOMED CT codes of each header; whole 12-lead records at 100 Hz, random 10 s windows drawn every
// epoch with light augmentation, warm-up + cosine learning rate, each record scored by the mean over 10 s windows.
//   dotnet run --project pipelines/Cinc2020 -c Release -- <folder of .hea/.mat files> [--epochs 30] [--policy erts-dbpd] [--output results/cinc2020]
using Erts.Pipelines;

var arguments = PipelineArguments.Parse(args, "cinc2020", "https://physionet.org/content/challenge-2020/1.0.2/", defaultEpochs: 30);
if (arguments is null) return 1;

var mlContext = new MLContext(seed: 42);
// Whole records, zero-padded to the longest, with a SignalLength column; stratified 80/10/10 split, seed 42.
var cinc = new Cinc2020Database(arguments.Folder, new Cinc2020Database.Options { Length = null });
IDataView Records(DatasetSplit split) => mlContext.Data.LoadEcg(cinc, split);
var train = Records(DatasetSplit.Train);

var preprocessing = mlContext.Transforms.Ecg.HandleNonFinite()
    .Append(mlContext.Transforms.Ecg.Resample(100))      // 500 -> 100 Hz, a CPU-sized input
    .Append(mlContext.Transforms.Ecg.NormalizeLeads());  // per-record, per-lead z-score, as the paper
var options = arguments.ApplySchedule(new ErtsTrainer.Options
{
    Network = Backbone.ResNet1d,
    TrainingWindow = 1_000,                               // a random 10 s window of every record, drawn afresh each epoch
    InferenceStride = 500,
    Augmentation = EcgAugmentation.Light,
    BatchSize = 64,
    LearningRate = 1e-3,
    LearningRateSchedule = LearningRateSchedule.WarmupCosine,
});

using var result = ErtsPipeline.TrainAndEvaluate(mlContext, preprocessing, options, train, Records(DatasetSplit.Validation), Records(DatasetSplit.Test));
ErtsPipeline.Save(mlContext, result, train.Schema, arguments.Output);
return 0;
