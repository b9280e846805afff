// PhysioNet/CinC Challenge 2017: rhythm of a single-lead hand-held ECG, N (normal), A (atrial fibrillation),
// O (other rhythm) or ~ (too noisy); the first 30 s of each record at 100 Hz, trained with ERTS on a 1-D ResNet.
//   dotnet run --project pipelines/Cinc2017 -c Release -- [cinc2017-folder] [--epochs 20] [--policy erts-dbpd] [--output results/cinc2017]
using Erts.Pipelines;

var arguments = PipelineArguments.Parse(args, "cinc2017", "https://physionet.org/content/challenge-2017/1.0.0/", defaultEpochs: 20);
if (arguments is null) return 1;

var mlContext = new MLContext(seed: 42);
var cinc = new Cinc2017Database(arguments.Folder);   // 30 s at 300 Hz (cropped or zero-padded), stratified 80/10/10, seed 42
IDataView Records(DatasetSplit split) => EcgViews.Load(mlContext, () => cinc.Load(split));
var train = Records(DatasetSplit.Train);

var preprocessing = mlContext.Transforms.Ecg.HandleNonFinite()
    .Append(mlContext.Transforms.Ecg.Resample(100))      // 9000 -> 3000 samples: rhythm needs no more than 100 Hz
    .Append(mlContext.Transforms.Ecg.NormalizeLeads());  // per-record z-score (many recordings are inverted or scaled)
var options = arguments.ApplySchedule(new ErtsTrainer.Options { Network = Backbone.ResNet1d });

using var result = ErtsPipeline.TrainAndEvaluate(mlContext, preprocessing, options, train, Records(DatasetSplit.Validation), Records(DatasetSplit.Test));
ErtsPipeline.Save(mlContext, result, train.Schema, arguments.Output);
return 0;
