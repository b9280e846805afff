// PhysioNet/CinC Challenge 2020 layout (CPSC 2018, Georgia 12-lead, ...): 8 classes (NORM, AF, LBBB, RBBB, ST, AVB,
// PVC, OTHER) from the SNOMED CT codes of each header; 12 leads, the first 10 s at 100 Hz, trained with ERTS.
//   dotnet run --project pipelines/Cinc2020 -c Release -- <folder of .hea/.mat files> [--epochs 30] [--policy erts-dbpd] [--output results/cinc2020]
using Erts.Pipelines;

var arguments = PipelineArguments.Parse(args, "cinc2020", "https://physionet.org/content/challenge-2020/1.0.2/", defaultEpochs: 30);
if (arguments is null) return 1;

var mlContext = new MLContext(seed: 42);
var cinc = new Cinc2020Database(arguments.Folder);   // 5000 samples (10 s at 500 Hz), stratified 80/10/10, seed 42
IDataView Records(DatasetSplit split) => EcgViews.Load(mlContext, () => cinc.Load(split));
var train = Records(DatasetSplit.Train);

var preprocessing = mlContext.Transforms.Ecg.HandleNonFinite()
    .Append(mlContext.Transforms.Ecg.Resample(100))      // 500 -> 100 Hz: 1000 samples, a CPU-sized input
    .Append(mlContext.Transforms.Ecg.NormalizeLeads());  // per-record, per-lead z-score, as the paper
var options = arguments.ApplySchedule(new ErtsTrainer.Options { Network = Backbone.ResNet1d });

using var result = ErtsPipeline.TrainAndEvaluate(mlContext, preprocessing, options, train, Records(DatasetSplit.Validation), Records(DatasetSplit.Test));
ErtsPipeline.Save(mlContext, result, train.Schema, arguments.Output);
return 0;
