using System.Diagnostics;
using System.Globalization;
using Erts.Experiments.Datasets;
using Erts.MLNet.Data;
using Erts.MLNet.Training;
using Erts.Pipelines;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Erts.Experiments.Grid;

/// <summary>Trains and evaluates one cell through the public ML.NET surface (the pipelines' <see cref="ErtsPipeline"/>).</summary>
public static class CellRunner
{
    /// <summary>Runs <paramref name="cell"/> on prepared data.</summary>
    /// <param name="cell">The cell.</param>
    /// <param name="data">The dataset, prepared once for all cells.</param>
    /// <param name="epochs">Epochs E.</param>
    /// <param name="quick">Quick schedule: no warm-up, focus filter from the second epoch, no revision.</param>
    /// <param name="protocol">Stored with the result (see <see cref="CellResult.Protocol"/>).</param>
    /// <param name="threads">Torch threads.</param>
    /// <param name="log">Receives one line per epoch.</param>
    /// <param name="cancellation">Stops training within a batch.</param>
    /// <exception cref="OperationCanceledException">Cancelled before the cell finished (nothing is recorded).</exception>
    public static CellResult Run(GridCell cell, PreparedDataset data, int epochs, bool quick, string protocol, int threads,
        Action<string> log, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(cell);
        ArgumentNullException.ThrowIfNull(data);
        var policy = GridPolicy.Find(cell.Policy);
        // Noise hits every label the user would have (training and validation); the test labels stay clean.
        var (train, flipped) = LabelNoise.Flip(data.Train, data.Classes, cell.Noise, cell.Seed);
        var (validation, _) = LabelNoise.Flip(data.Validation, data.Classes, cell.Noise, cell.Seed + 1_000_003);

        var mlContext = new MLContext(seed: cell.Seed);
        var options = new ErtsTrainer.Options
        {
            Network = cell.Backbone,
            SelectionPolicy = policy.PolicyName,
            ReliabilityRanking = policy.Ranking,
            FocusResolution = policy.FocusResolution,
            Seed = cell.Seed,
            Threads = threads,
            CancellationToken = cancellation,
            Progress = new EpochLog(epochs, log),
            // The validation view is given, so no rows are held out and the training indices are the list's.
            FocusFlaggedRows = flipped,
        };
        Schedule(options, epochs, quick);
        options.ScoreReuseEpochs = policy.ScoreReuseEpochs;
        if (policy.ReviseLastEpochOnly && !quick) options.RevisionStartEpoch = ErtsTrainer.Options.RevisionLastEpochOnly;

        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        using var result = ErtsPipeline.TrainAndEvaluate(mlContext, new EstimatorChain<ITransformer>(), options,
            mlContext.Data.LoadEcg(train), mlContext.Data.LoadEcg(validation), mlContext.Data.LoadEcg(data.Test));
        double cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        var report = result.Classifier.Report ?? throw new InvalidOperationException("The trainer returned no training report.");
        if (report.Cancelled) throw new OperationCanceledException(cancellation);

        return new CellResult
        {
            Dataset = cell.Dataset,
            Backbone = cell.Backbone,
            Policy = cell.Policy,
            Seed = cell.Seed,
            Noise = cell.Noise,
            Protocol = protocol,
            MacroF1 = result.Test.MacroF1,
            Accuracy = result.Test.Accuracy,
            PerClassF1 = result.Test.PerClassF1,
            EffectiveEpochs = report.EffectiveEpochs,
            WallClockSeconds = result.FitSeconds,
            CpuSeconds = cpuSeconds,
            PhaseSeconds = report.Epochs.GroupBy(e => e.Phase).ToDictionary(g => g.Key, g => g.Sum(e => e.TotalSeconds)),
            ComponentSeconds = new Dictionary<string, double>
            {
                ["confidence"] = report.Epochs.Sum(e => e.ConfidenceSeconds),
                ["grad_cam"] = report.Epochs.Sum(e => e.GradCamSeconds),
                ["update"] = report.Epochs.Sum(e => e.UpdateSeconds),
                ["validation"] = report.Epochs.Sum(e => e.ValidationSeconds),
            },
            Epochs = report.Epochs.Count,
            BestEpoch = report.BestEpoch,
            TrainSize = train.Count,
            TestSize = data.Test.Count,
            Threads = report.Threads,
            LoadAverage = LoadAverage(),
            FlippedLabels = flipped.Count(f => f),
            Flips = cell.Noise > 0 ? FlipAnalysis.From(report.FocusHistograms) : null,
            FinishedUtc = DateTime.UtcNow,
        };
    }

    /// <summary>
    /// The reference schedule scaled to <paramref name="epochs"/> (<see cref="ReferenceSchedule"/>); a quick run
    /// instead starts selecting at once and filters by focus from its second epoch, so two epochs exercise both.
    /// </summary>
    internal static void Schedule(ErtsTrainer.Options options, int epochs, bool quick)
    {
        ReferenceSchedule.Apply(options, epochs);
        if (!quick) return;
        options.WarmupEpochs = 0;
        options.CamDelayEpochs = 1;
        options.RevisionStartEpoch = epochs;
    }

    private static double? LoadAverage()
    {
        const string file = "/proc/loadavg";
        if (!File.Exists(file)) return null;
        string first = File.ReadAllText(file).Split(' ')[0];
        return double.TryParse(first, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) ? value : null;
    }

    /// <summary>Logs each epoch synchronously, on the training thread (System.Progress would post to the thread pool).</summary>
    private sealed class EpochLog(int epochs, Action<string> log) : IProgress<EpochReport>
    {
        public void Report(EpochReport e) => log(string.Create(CultureInfo.InvariantCulture,
            $"  epoch {e.Epoch + 1}/{epochs} {e.Phase,-9} kept {e.KeptFraction,4:P0} eff {e.CumulativeEffectiveEpochs,5:F2} " +
            $"loss {e.TrainLoss:F3} val-F1 {e.ValidationMacroF1:F3} {e.TotalSeconds,5:F1}s (conf {e.ConfidenceSeconds:F1}, cam {e.GradCamSeconds:F1}, upd {e.UpdateSeconds:F1}, val {e.ValidationSeconds:F1})"));
    }
}
