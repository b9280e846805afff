using Erts.MLNet.Training;

namespace Erts.MLNet.Selection;

/// <summary>Which phase each epoch belongs to: warm-up (e &lt; W), selection, revision (e &gt;= R).</summary>
public sealed class PhaseSchedule
{
    /// <summary>Creates the schedule.</summary>
    /// <param name="epochs">Epochs E, 1 or more.</param>
    /// <param name="warmupEpochs">Warm-up epochs W, 0 or more.</param>
    /// <param name="revisionStartEpoch">
    /// First revision epoch R (0-based), 0 or more; <see cref="ErtsTrainer.Options.RevisionLastEpochOnly"/> means
    /// E − 1; a value &gt;= E never revises.
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public PhaseSchedule(int epochs, int warmupEpochs, int revisionStartEpoch)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(epochs, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(warmupEpochs);
        if (revisionStartEpoch < 0 && revisionStartEpoch != ErtsTrainer.Options.RevisionLastEpochOnly)
            throw new ArgumentOutOfRangeException(nameof(revisionStartEpoch), revisionStartEpoch,
                $"The revision start epoch must be 0 or more, or {ErtsTrainer.Options.RevisionLastEpochOnly} for the last epoch only.");
        Epochs = epochs;
        WarmupEpochs = warmupEpochs;
        RevisionStartEpoch = revisionStartEpoch == ErtsTrainer.Options.RevisionLastEpochOnly ? epochs - 1 : revisionStartEpoch;
    }

    /// <summary>The schedule of trainer options.</summary>
    public static PhaseSchedule FromOptions(ErtsTrainer.Options options) =>
        new(options.Epochs, options.WarmupEpochs, options.RevisionStartEpoch);

    /// <summary>Epochs E.</summary>
    public int Epochs { get; }

    /// <summary>Warm-up epochs W.</summary>
    public int WarmupEpochs { get; }

    /// <summary>First revision epoch R, resolved (the last-epoch-only marker becomes E − 1).</summary>
    public int RevisionStartEpoch { get; }

    /// <summary>The phase of a 0-based epoch; warm-up wins over revision when R &lt; W.</summary>
    public TrainingPhase PhaseOf(int epoch)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(epoch);
        if (epoch < WarmupEpochs) return TrainingPhase.Warmup;
        return epoch >= RevisionStartEpoch ? TrainingPhase.Revision : TrainingPhase.Selection;
    }
}
