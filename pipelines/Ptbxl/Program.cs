// PTB-XL: the 5 diagnostic superclasses (NORM, MI, STTC, CD, HYP) of 10 s 12-lead ECGs at 100 Hz, as in the ERTS
// paper; recommended folds (1-8 train, 9 validation, 10 test), trained with ERTS on a 1-D ResNet.
//   dotnet run --project pipelines/Ptbxl -c Release -- [ptbxl-folder] [--epochs 30] [--policy erts-dbpd] [--output results/ptbxl]
using Erts.Pipelines;

var arguments = PipelineArguments.Parse(args, "ptbxl", "https://physionet.org/content/ptb-xl/1.0.3/", defaultEpochs: 30);
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
IDataView Records(DatasetSplit split) => EcgViews.Load(mlContext, () => ptbxl.Load(split));
var train = Records(DatasetSplit.Train);

var preprocessing = mlContext.Transforms.Ecg.HandleNonFinite()
    .Append(mlContext.Transforms.Ecg.NormalizeLeads());  // per-record, per-lead z-score, as the paper
var options = arguments.ApplySchedule(new ErtsTrainer.Options { Network = Backbone.ResNet1d });

using var result = ErtsPipeline.TrainAndEvaluate(mlContext, preprocessing, options, train, Records(DatasetSplit.Validation), Records(DatasetSplit.Test));
ErtsPipeline.Save(mlContext, result, train.Schema, arguments.Output);
return 0;
