using Erts.Experiments.Grid;
using Erts.MLNet.Networks;

namespace Erts.MLNet.Tests.Experiments;

/// <summary>Hand-made cell records for the grid's bookkeeping and report tests.</summary>
internal static class TestResults
{
    public static CellResult Make(string policy, int seed, double macroF1, double wallClock, double effectiveEpochs = 10,
        string dataset = "mitbih", double noise = 0, string protocol = "p1", FlipAnalysis? flips = null) => new()
    {
        Dataset = dataset,
        Backbone = Backbone.ResNet1d,
        Policy = policy,
        Seed = seed,
        Noise = noise,
        Protocol = protocol,
        MacroF1 = macroF1,
        Accuracy = 0.9,
        PerClassF1 = new Dictionary<string, double> { ["N"] = 0.95, ["V"] = macroF1 },
        EffectiveEpochs = effectiveEpochs,
        WallClockSeconds = wallClock,
        CpuSeconds = 2 * wallClock,
        PhaseSeconds = new Dictionary<string, double> { ["warmup"] = 1, ["selection"] = 4, ["revision"] = 5 },
        ComponentSeconds = new Dictionary<string, double> { ["confidence"] = 1, ["grad_cam"] = 0.5, ["update"] = 7, ["validation"] = 1.5 },
        Epochs = 10,
        BestEpoch = 9,
        TrainSize = 100,
        TestSize = 50,
        Threads = 2,
        Flips = flips,
    };
}
