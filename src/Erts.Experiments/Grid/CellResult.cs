using System.Text.Json.Serialization;
using Erts.MLNet.Networks;

namespace Erts.Experiments.Grid;

/// <summary>What one finished cell measured: one record of results.json.</summary>
public sealed record CellResult
{
    /// <summary>Dataset name.</summary>
    public required string Dataset { get; init; }

    /// <summary>Network trained.</summary>
    public required Backbone Backbone { get; init; }

    /// <summary>Policy label.</summary>
    public required string Policy { get; init; }

    /// <summary>Seed.</summary>
    public required int Seed { get; init; }

    /// <summary>Share of flipped training/validation labels.</summary>
    public required double Noise { get; init; }

    /// <summary>
    /// Data and schedule the cell ran with (dataset sizes, epochs, quick or not): a stored cell counts as done only
    /// when this matches the current plan, so a changed protocol is recomputed rather than mixed in.
    /// </summary>
    public required string Protocol { get; init; }

    /// <summary>Test macro-F1 (the headline).</summary>
    public required double MacroF1 { get; init; }

    /// <summary>Test accuracy.</summary>
    public required double Accuracy { get; init; }

    /// <summary>Test F1 per class.</summary>
    public required IReadOnlyDictionary<string, double> PerClassF1 { get; init; }

    /// <summary>Samples back-propagated over the run / training-set size.</summary>
    public required double EffectiveEpochs { get; init; }

    /// <summary>Wall-clock seconds of the trainer's Fit (data materialisation, training, validation).</summary>
    public required double WallClockSeconds { get; init; }

    /// <summary>
    /// CPU seconds (all threads) the process used for Fit and the test evaluation: unlike wall-clock, barely affected by other jobs on a
    /// shared machine, so it is the figure to plan a budget from (idle wall-clock ≈ CPU seconds with one thread).
    /// </summary>
    public double CpuSeconds { get; init; }

    /// <summary>Seconds spent in each phase: warmup, selection, revision (epoch time including validation).</summary>
    public required IReadOnlyDictionary<string, double> PhaseSeconds { get; init; }

    /// <summary>Seconds per component over the run: confidence pass, Grad-CAM, update, validation.</summary>
    public required IReadOnlyDictionary<string, double> ComponentSeconds { get; init; }

    /// <summary>Epochs E run.</summary>
    public required int Epochs { get; init; }

    /// <summary>0-based epoch whose weights were kept (best validation macro-F1).</summary>
    public required int BestEpoch { get; init; }

    /// <summary>Training examples.</summary>
    public required int TrainSize { get; init; }

    /// <summary>Test examples.</summary>
    public required int TestSize { get; init; }

    /// <summary>Torch threads.</summary>
    public required int Threads { get; init; }

    /// <summary>1-minute load average of the machine when the cell finished (the machine may be shared).</summary>
    public double? LoadAverage { get; init; }

    /// <summary>Training labels flipped.</summary>
    public int FlippedLabels { get; init; }

    /// <summary>Flipped-label analysis of the focus filter's candidates (ERTS cells with noise only).</summary>
    public FlipAnalysis? Flips { get; init; }

    /// <summary>When the cell finished (UTC).</summary>
    public DateTime FinishedUtc { get; init; }

    /// <summary>The cell this result belongs to.</summary>
    [JsonIgnore]
    public GridCell Cell => new(Dataset, Backbone, Policy, Seed, Noise);
}
