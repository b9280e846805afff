using Erts.MLNet.Networks;

namespace Erts.MLNet.Training;

/// <summary>The record of a training run, returned with the model.</summary>
public sealed class TrainingReport
{
    /// <summary>Selection policy name, e.g. "erts-dbpd".</summary>
    public required string Policy { get; init; }

    /// <summary>The network trained.</summary>
    public required Backbone Network { get; init; }

    /// <summary>Training examples (after any validation hold-out).</summary>
    public required int TrainingSetSize { get; init; }

    /// <summary>Validation examples (0 when none).</summary>
    public required int ValidationSetSize { get; init; }

    /// <summary>Torch intra-op threads used.</summary>
    public required int Threads { get; init; }

    /// <summary>Seed used.</summary>
    public required int Seed { get; init; }

    /// <summary>One entry per finished epoch.</summary>
    public required IReadOnlyList<EpochReport> Epochs { get; init; }

    /// <summary>
    /// The candidates the focus filter scored, binned: per epoch in which it ran, one <see cref="FocusHistogram"/> for
    /// each kind of candidate met (kept or filtered out, flagged or not), ordered by epoch. At most four fixed-size
    /// histograms per epoch, whatever the size of the data.
    /// </summary>
    public IReadOnlyList<FocusHistogram> FocusHistograms { get; init; } = [];

    /// <summary>Epoch whose weights were kept (best validation macro-F1, else the last).</summary>
    public required int BestEpoch { get; init; }

    /// <summary>Validation macro-F1 of the kept weights (NaN without validation).</summary>
    public double BestValidationMacroF1 => BestEpoch >= 0 && BestEpoch < Epochs.Count ? Epochs[BestEpoch].ValidationMacroF1 : double.NaN;

    /// <summary>Samples back-propagated over the run divided by the training-set size.</summary>
    public double EffectiveEpochs => Epochs.Count == 0 ? 0 : Epochs[^1].CumulativeEffectiveEpochs;

    /// <summary>
    /// Wall-clock seconds of the training loop (every epoch, its validation and checkpoints; on a resumed run the
    /// earlier sessions too). Reading the IDataView into memory before the loop is not included.
    /// </summary>
    public required double WallClockSeconds { get; init; }

    /// <summary>True when training stopped early because it was cancelled.</summary>
    public bool Cancelled { get; init; }

    /// <summary>True when training stopped before the last epoch because validation macro-F1 stopped improving (<see cref="ErtsTrainer.Options.EarlyStoppingPatience"/>).</summary>
    public bool StoppedEarly { get; init; }
}
