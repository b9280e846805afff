using Erts.MLNet.Training;
using Defaults = Erts.MLNet.Training.ErtsTrainer.Options.Defaults;

namespace Erts.Cli.Commands;

/// <summary>
/// The phase schedule (warm-up W, CAM delay C0, revision start R) for a number of epochs. The reference schedule is
/// W = 5, C0 = 3, R = 50 of E = 100; shorter runs keep those ratios, so a 20-epoch run warms up for 1 epoch, starts
/// the focus filter at epoch 2 and revises from epoch 10.
/// </summary>
/// <param name="Epochs">Epochs E.</param>
/// <param name="WarmupEpochs">Warm-up epochs W.</param>
/// <param name="CamDelayEpochs">Epochs C0 after warm-up before the focus filter starts.</param>
/// <param name="RevisionStartEpoch">First revision epoch R (0-based).</param>
internal sealed record TrainingSchedule(int Epochs, int WarmupEpochs, int CamDelayEpochs, int RevisionStartEpoch)
{
    /// <summary>The reference ratios applied to <paramref name="epochs"/>: W and C0 at least 1, R after the focus filter starts.</summary>
    public static TrainingSchedule Scaled(int epochs)
    {
        int warmup = Math.Max(1, (int)Math.Round((double)epochs * Defaults.WarmupEpochs / Defaults.Epochs));
        int camDelay = Math.Max(1, (int)Math.Round((double)epochs * Defaults.CamDelayEpochs / Defaults.Epochs));
        int revision = Math.Max(warmup + camDelay + 1, (int)Math.Round((double)epochs * Defaults.RevisionStartEpoch / Defaults.Epochs));
        return new TrainingSchedule(epochs, warmup, camDelay, Math.Min(revision, epochs));
    }

    /// <summary>Copies the schedule into trainer options.</summary>
    public void ApplyTo(ErtsTrainer.Options options)
    {
        options.Epochs = Epochs;
        options.WarmupEpochs = WarmupEpochs;
        options.CamDelayEpochs = CamDelayEpochs;
        options.RevisionStartEpoch = RevisionStartEpoch;
    }

    /// <summary>One line for people, epochs counted from 1.</summary>
    public string Describe()
    {
        string revision = RevisionStartEpoch == ErtsTrainer.Options.RevisionLastEpochOnly ? "revision in the last epoch"
            : RevisionStartEpoch >= Epochs ? "no revision"
            : $"revision (all data) from epoch {RevisionStartEpoch + 1}";
        return $"{Epochs} epochs: warm-up {WarmupEpochs}, focus filter from epoch {WarmupEpochs + CamDelayEpochs + 1}, {revision}";
    }
}
