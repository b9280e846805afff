using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Erts.MLNet.Training;
using Erts.Pipelines;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

namespace Erts.Experiments.Recipe;

/// <summary>
/// Trains and scores the models of the recipe benchmark on a prepared dataset: the networks, FastTree, the PyTorch
/// peer. <c>epochs</c> shortens every network run (smoke tests only).
/// </summary>
public sealed class RecipeRunner(MLContext mlContext, RecipeDataset dataset, RecipeData data, int threads, TextWriter log, int? epochs = null)
{
    /// <summary>The label of a network run, e.g. "ResNet1d + features, full".</summary>
    public static string NetworkLabel(string policy, bool fused) => $"ResNet1d{(fused ? " + features" : "")}, {policy}";

    /// <summary>The label of the FastTree run.</summary>
    public const string FastTreeLabel = "FastTree on features";

    /// <summary>The label of the PyTorch peer's run.</summary>
    public const string PeerLabel = "PyTorch peer (windows recipe)";

    /// <summary>Trains the network with <paramref name="policy"/> (and the features fused when asked), scores the test part once.</summary>
    public RecipeResult Network(string policy, int seed, bool fused)
    {
        var options = dataset.NetworkOptions(policy, seed, fused, data.FusedColumn);
        if (epochs is { } shorter) ReferenceSchedule.Apply(options, shorter);
        options.Threads = threads;
        using var result = ErtsPipeline.TrainAndEvaluate(mlContext, new EstimatorChain<ITransformer>(), options, data.Train, data.Validation, data.Test);
        var report = result.Classifier.Report!;
        return Result(NetworkLabel(policy, fused), seed, result.Test.PerClassF1, result.Test.MacroF1, result.Test.Accuracy, result.FitSeconds,
            report.Epochs.Count, report.BestEpoch + 1, report.EffectiveEpochs);
    }

    /// <summary>One-versus-all FastTree on the baseline features, classes weighted by inverse frequency; deterministic, so one run.</summary>
    public RecipeResult FastTree()
    {
        var counts = data.Train.GetColumn<ReadOnlyMemory<char>>("Label").GroupBy(l => l.ToString()).ToDictionary(g => g.Key, g => g.Count());
        var weights = counts.ToDictionary(pair => pair.Key, pair => (float)((double)counts.Values.Sum() / (counts.Count * pair.Value)));
        var trees = mlContext.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            ExampleWeightColumnName = "Weight",
            FeatureColumnName = data.BaselineColumn,
            NumberOfThreads = threads,
        });
        var pipeline = mlContext.Transforms.Conversion.MapValue("Weight", weights, "Label")
            .Append(mlContext.Transforms.Conversion.MapValueToKey("Label"))
            .Append(mlContext.MulticlassClassification.Trainers.OneVersusAll(trees));
        var clock = Stopwatch.StartNew();
        var model = pipeline.Fit(data.Train);
        double seconds = clock.Elapsed.TotalSeconds;
        var scored = model.Transform(data.Test);
        VBuffer<ReadOnlyMemory<char>> names = default;
        scored.Schema["Label"].GetKeyValues(ref names);
        var summary = EvaluationSummary.From(mlContext.MulticlassClassification.Evaluate(scored), names.DenseValues().Select(n => n.ToString()).ToArray(),
            EvaluationSummary.CountRows(data.Test));
        return Result(FastTreeLabel, 0, summary.PerClassF1, summary.MacroF1, summary.Accuracy, seconds, 0, 0, 0);
    }

    /// <summary>
    /// The PyTorch peer (<c>cinc2017_recipe_torch.py --recipe windows</c>) on exactly this dataset's split, seeded; null when
    /// the script or Python's torch is missing (said on the log).
    /// </summary>
    public RecipeResult? Peer(string script, string folder, int seed)
    {
        if (data.SplitLines is null || !File.Exists(script))
        {
            log.WriteLine($"peer: skipped ({(data.SplitLines is null ? "no split file for this dataset" : $"'{script}' not found")})");
            return null;
        }
        string split = Path.GetTempFileName(), output = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(split, data.SplitLines);
            // Debian's interpreter, where python3-torch installs; another python3 first on PATH usually lacks torch.
            var start = new ProcessStartInfo(File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3")
            {
                ArgumentList = { script, folder, "--recipe", "windows", "--split", split, "--threads", threads.ToString(CultureInfo.InvariantCulture),
                    "--seed", seed.ToString(CultureInfo.InvariantCulture), "--out", output },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) log.WriteLine("peer: " + e.Data); };
            process.BeginErrorReadLine();
            string? line;
            while ((line = process.StandardOutput.ReadLine()) is not null)
                if (line.StartsWith("epoch", StringComparison.Ordinal)) log.WriteLine("peer: " + line);
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                log.WriteLine($"peer: exited with code {process.ExitCode} (is python3-torch installed? apt-get install python3-torch python3-scipy)");
                return null;
            }
            using var json = JsonDocument.Parse(File.ReadAllText(output));
            var root = json.RootElement;
            var test = root.GetProperty("test");
            var perClass = new[] { "N", "A", "O", "~" }.ToDictionary(c => c, c => test.GetProperty(c).GetDouble());
            return Result(PeerLabel, seed, perClass, test.GetProperty("macro_f1").GetDouble(), test.GetProperty("accuracy").GetDouble(),
                root.GetProperty("train_s").GetDouble(), root.GetProperty("epochs").GetInt32(), root.GetProperty("best_epoch").GetInt32(), 0);
        }
        finally
        {
            File.Delete(split);
            File.Delete(output);
        }
    }

    private RecipeResult Result(string model, int seed, IReadOnlyDictionary<string, double> perClass, double macroF1, double accuracy,
        double seconds, int epochs, int bestEpoch, double effectiveEpochs) =>
        new(dataset.Name, model, seed, RecipeResult.HeadlineOf(perClass, dataset.HeadlineClasses), macroF1, accuracy, perClass,
            data.Test.GetRowCount() ?? data.Test.GetColumn<ReadOnlyMemory<char>>("Label").LongCount(), seconds, epochs, bestEpoch, effectiveEpochs,
            threads, DateTimeOffset.UtcNow);
}
