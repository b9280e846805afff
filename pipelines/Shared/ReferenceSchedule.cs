using Erts.MLNet.Training;

namespace Erts.Pipelines;

/// <summary>
/// The reference schedule (E = 100, warm-up W = 5, CAM delay C0 = 3, revision from R = 50) scaled to fewer epochs
/// with the same ratios: W = 5 % of E, C0 = 3 % of E and R = 50 % of E, rounded, W and C0 at least 1.
/// </summary>
public static class ReferenceSchedule
{
    /// <summary>Sets <c>Epochs</c>, <c>WarmupEpochs</c>, <c>CamDelayEpochs</c> and <c>RevisionStartEpoch</c> on <paramref name="options"/>.</summary>
    /// <param name="options">Options to change; returned for chaining.</param>
    /// <param name="epochs">Epochs E, 1 or more.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="epochs"/> is below 1.</exception>
    public static ErtsTrainer.Options Apply(ErtsTrainer.Options options, int epochs)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(epochs, 1);
        options.Epochs = epochs;
        options.WarmupEpochs = Scale(ErtsTrainer.Options.Defaults.WarmupEpochs, epochs, minimum: 1);
        options.CamDelayEpochs = Scale(ErtsTrainer.Options.Defaults.CamDelayEpochs, epochs, minimum: 1);
        options.RevisionStartEpoch = Scale(ErtsTrainer.Options.Defaults.RevisionStartEpoch, epochs, minimum: 0);
        return options;
    }

    private static int Scale(int referenceEpochs, int epochs, int minimum) =>
        Math.Max(minimum, (int)Math.Round((double)referenceEpochs * epochs / ErtsTrainer.Options.Defaults.Epochs, MidpointRounding.AwayFromZero));
}
