using System.Globalization;
using Erts.Pipelines.FastTreeBaselines;
using Microsoft.ML;

// FastTree baselines on hand-made ECG features: MIT-BIH beats (inter-patient DS1 -> DS2) and CinC 2017 rhythms
// (stratified split); with --hybrid also the ERTS network alone and FastTree on its embedding. Usage:
//   dotnet run --project pipelines/FastTreeBaselines -c Release -- <mitdb|cinc2017|all> [data folder] [--threads N] [--hybrid] [--rhythm] [--results FILE]
// --rhythm adds MIT-BIH's Rhythm column (RR context from the reference beat annotations) to the beat features.
// The data folder defaults to $ERTS_SHARED_DATA/<dataset>, else ../shared/data/<dataset> beside the repository.

if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.WriteLine("usage: FastTreeBaselines <mitdb|cinc2017|all> [data folder] [--threads N] [--hybrid] [--rhythm] [--results docs/results.md]");
    return args.Length == 0 ? 1 : 0;
}

var options = RunOptions.Parse(args);
var experiments = options.Dataset switch
{
    "mitdb" => [new MitdbBeatBaseline(options.Rhythm)],
    "cinc2017" => [new Cinc2017RhythmBaseline()],
    "all" => new IBaselineExperiment[] { new MitdbBeatBaseline(options.Rhythm), new Cinc2017RhythmBaseline() },
    _ => throw new ArgumentException($"unknown dataset '{options.Dataset}'; expected mitdb, cinc2017 or all"),
};

var results = new List<BaselineResult>();
foreach (var experiment in experiments)
{
    string? folder = DataLocation.Find(experiment.Dataset, options.DataFolder);
    if (folder is null)
    {
        Console.Error.WriteLine(DataLocation.HowToGet(experiment.Dataset));
        return 2;
    }
    Console.WriteLine($"{experiment.Dataset}: reading {folder}, {options.Threads} FastTree and Torch threads");
    var mlContext = new MLContext(seed: 1);
    var data = experiment.Load(mlContext, folder);
    Report(FastTreeBaseline.Run(mlContext, data, options.Threads));
    if (options.Hybrid)
        foreach (var result in HybridBaseline.Run(mlContext, data, options.Threads)) Report(result);
}

ResultsDocument.Update(options.ResultsFile, results);
Console.WriteLine($"results written to {options.ResultsFile}");
return 0;

void Report(BaselineResult result)
{
    result = result with { Command = options.CommandLine };
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{result.Dataset} {result.Model}: macro-F1 {result.MacroF1:0.000}, accuracy {result.Accuracy:0.000}, train {result.TrainSeconds:0.0} s ({result.TrainRows} train / {result.TestRows} test rows)"));
    foreach (var (label, f1) in result.PerClassF1) Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  F1 {label}: {f1:0.000}"));
    results.Add(result);
}
