using Erts.Cli.Reports;
using Erts.MLNet.Networks;
using Erts.MLNet.Training;

namespace Erts.Cli.Tests.Infrastructure;

/// <summary>Hand-made reports with known numbers, so report tests need no training.</summary>
internal static class SampleReports
{
    public static readonly string[] Classes = ["normal", "af", "pvc"];

    /// <summary>A run of <paramref name="epochs"/> epochs: warm-up 1, selection, revision from epoch 6 when there are 8.</summary>
    public static TrainingReport Training(string policy, int epochs = 8, bool withFocus = true, int seed = 42)
    {
        const int trainingSetSize = 200;
        var reports = new List<EpochReport>();
        double cumulative = 0;
        bool selects = policy != "full";
        for (int e = 0; e < epochs; e++)
        {
            string phase = !selects || e == 0 ? "warmup" : e >= 6 ? "revision" : "selection";
            int kept = phase == "selection" ? trainingSetSize * (8 - e) / 10 : trainingSetSize;
            cumulative += (double)kept / trainingSetSize;
            reports.Add(new EpochReport(e, phase, trainingSetSize, kept, cumulative,
                ConfidencePassSamples: selects ? trainingSetSize : 0, GradCamSamples: phase == "selection" ? 40 : 0,
                ConfidenceSeconds: selects ? 0.1 : 0, GradCamSeconds: phase == "selection" ? 0.2 : 0,
                UpdateSeconds: kept / 100.0, ValidationSeconds: 0.05,
                TrainLoss: 1.2 / (e + 1), ValidationMacroF1: 0.5 + 0.05 * e, ValidationAccuracy: 0.55 + 0.05 * e,
                LearningRate: 3e-4 * Math.Pow(0.98, e)));
        }
        var focus = new List<FocusHistogram>();
        if (withFocus && selects)
        {
            var random = new Random(seed);
            for (int epoch = 2; epoch < 6; epoch++)
            {
                var tally = new FocusTally(epoch, flaggedRows: null);
                for (int i = 0; i < 75; i++)
                {
                    bool kept = i % 3 != 0;
                    float score = kept ? 0.5f + 0.5f * (float)random.NextDouble() : 0.6f * (float)random.NextDouble();
                    tally.Add(i % trainingSetSize, kept, 0.1f, score, scoreAgeEpochs: 0);
                }
                focus.AddRange(tally.Histograms);
            }
        }
        return new TrainingReport
        {
            Policy = policy,
            Network = Backbone.SmallCnn1d,
            TrainingSetSize = trainingSetSize,
            ValidationSetSize = 40,
            Threads = 2,
            Seed = seed,
            Epochs = reports,
            FocusHistograms = focus,
            BestEpoch = epochs - 1,
            WallClockSeconds = reports.Sum(r => r.TotalSeconds) + 0.5,
        };
    }

    /// <summary>A 3-class test summary: 20 examples per class, a few confusions.</summary>
    public static ClassificationSummary Test() =>
        ClassificationSummary.FromConfusionMatrix(Classes, new[,] { { 18, 1, 1 }, { 2, 16, 2 }, { 0, 3, 17 } });

    /// <summary>A two-lead ECG-like record (1 s at 100 Hz) whose Grad-CAM peaks in the middle.</summary>
    public static ExplanationExample Explanation(string recordId = "rec-7")
    {
        const int samples = 100;
        var signal = new float[2 * samples];
        for (int t = 0; t < samples; t++)
        {
            double spike = Math.Exp(-Math.Pow(t - 50, 2) / 8.0);
            signal[t] = (float)(1.2 * spike + 0.05 * Math.Sin(t / 5.0));
            signal[samples + t] = (float)(-0.6 * spike + 0.05 * Math.Cos(t / 7.0));
        }
        float[] profile = Enumerable.Range(0, 25).Select(i => (float)Math.Exp(-Math.Pow(i - 12, 2) / 6.0)).ToArray();
        return new ExplanationExample(recordId, signal, ["I", "II"], 100f, profile, "pvc", "pvc", 0.93f);
    }

    /// <summary>A two-run report (full vs ERTS) with test scores and one explanation.</summary>
    public static ExperimentReport TwoRuns() => new()
    {
        Title = "sample: full vs ERTS",
        Command = "erts compare --policies full,erts-dbpd",
        Settings = [new("dataset", "synthetic"), new("threads", "2")],
        Runs =
        [
            new RunResult("full", Training("full"), Test()),
            new RunResult("erts-dbpd", Training("erts-dbpd"), Test()),
        ],
        Explanations = [Explanation()],
        Notes = ["hand-made numbers"],
    };
}
