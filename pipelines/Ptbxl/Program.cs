// PTB-XL: the 5 diagnostic superclasses (NORM, MI, STTC, CD, HYP) of 10 s 12-lead ECGs at 100 Hz, as in the ERTS
// paper; recommended folds (1-8 train, 9 validation, 10 test). The recipe of the field (Strodthoff et al. 2021 crop
// shorter windows too): random 5 s windows drawn every epoch with light augmentation, warm-up + cosine learning rate,
// each record scored by the mean over 5 s windows 1 s apart.
//   dotnet run --project pipelines/Ptbxl -c Release -- [ptbxl-folder] [--epochs 40] [--policy erts-dbpd] [--output results/ptbxl]
using Erts.Pipelines;

var arguments = PipelineArguments.Parse(args, "ptbxl", "https://physionet.org/content/ptb-xl/1.0.3/", defaultEpochs: 40);
if (arguments is null) return 1;

var mlContext = new MLContext(seed: 42);
var ptbxl = new PtbXlDatabase(arguments.Folder);
int[] folds = ptbxl.Entries.Select(entry => entry.StratFold).Distinct().Order().ToArray();
if (!folds.Contains(9) || !folds.Contains(10))
{
    // A subset without the recommended validation/test folds (e.g. the 353-record copy in ../shared/data): use the last two it has.
    ptbxl = new PtbXlDatabase(arguments.Folder, new PtbXlDatabase.Options { ValidationFold = folds[^2], TestFold = folds[^1] });
    Console.WriteLine($"folds 9 and 10 are absent: validating on fold {folds[^2]}, testing on fold {folds[^1]}.");
}
IDataView Records(DatasetSplit split) => mlContext.Data.LoadEcg(ptbxl, split);
var train = Records(DatasetSplit.Train);

var preprocessing = mlContext.Transforms.Ecg.HandleNonFinite()
    .Append(mlContext.Transforms.Ecg.NormalizeLeads());  // per-record, per-lead z-score, as the paper
var options = arguments.ApplySchedule(new ErtsTrainer.Options
{
    Network = Backbone.ResNet1d,
    TrainingWindow = 500,                                 // a random 5 s window of every record, drawn afresh each epoch
    InferenceStride = 100,                                // records scored by 5 s windows 1 s apart, probabilities averaged
    Augmentation = EcgAugmentation.Light,
    LearningRate = 1e-3,
    LearningRateSchedule = LearningRateSchedule.WarmupCosine,
});

using var result = ErtsPipeline.TrainAndEvaluate(mlContext, preprocessing, options, train, Records(DatasetSplit.Validation), Records(DatasetSplit.Test));
ErtsPipeline.Save(mlContext, result, train.Schema, arguments.Output);
return 0;
