// MIT-BIH Arrhythmia, inter-patient protocol (de Chazal 2004: DS1 trains, DS2 tests): AAMI beat classes N, S, V, F
// from a 0.7 s MLII window around each R peak, trained with ERTS on a 1-D ResNet.
//   dotnet run --project pipelines/Mitdb -c Release -- [mitdb-folder] [--epochs 20] [--policy erts-dbpd] [--output results/mitdb]
using Erts.Pipelines;

var arguments = PipelineArguments.Parse(args, "mitdb", "https://physionet.org/content/mitdb/1.0.0/", defaultEpochs: 20);
if (arguments is null) return 1;

var mlContext = new MLContext(seed: 42);
var mitdb = new MitBeatDatabase(arguments.Folder);   // MLII, 0.25 s before + 0.45 s after the R peak, AAMI labels, DS1/DS2
// Q (unclassifiable) has a handful of beats outside the paced records: too few to learn or score.
IDataView Beats(DatasetSplit split) => EcgViews.Load(mlContext, () => mitdb.Load(split).Where(beat => beat.Label != "Q"));
var train = Beats(DatasetSplit.Train);
var test = Beats(DatasetSplit.Test);

var preprocessing = mlContext.Transforms.Ecg.NormalizeLeads();   // z-score each beat window
// A 252-sample beat leaves ResNet1d's explained layer 8 time positions, too few for the reference focus score to vary
// (it would be 1 for every beat): score each Grad-CAM profile stretched to the beat's 252 samples instead.
var options = arguments.ApplySchedule(new ErtsTrainer.Options { Network = Backbone.ResNet1d, FocusResolution = FocusResolution.Input });

// No validation split in the protocol: the trainer holds out 10 % of DS1 (stratified) to pick the best epoch.
using var result = ErtsPipeline.TrainAndEvaluate(mlContext, preprocessing, options, train, validation: null, test);
ErtsPipeline.Save(mlContext, result, train.Schema, arguments.Output);
return 0;
