namespace Erts.MLNet.Training;

/// <summary>
/// The learning rate as a function of where training stands (in epochs, fractional within an epoch), for the
/// per-step schedules of <see cref="LearningRateSchedule"/>. A pure function of the position, so a resumed run sets
/// the same rates as an uninterrupted one without saving anything.
/// </summary>
internal sealed class LearningRateCurve(ErtsTrainer.Options options)
{
    private readonly double _base = options.LearningRate;
    private readonly double _warmup = options.LearningRateWarmupEpochs;
    private readonly int _epochs = options.Epochs;

    /// <summary>True when the rate is set before every step (false: the reference code's per-epoch decay).</summary>
    public bool IsPerStep { get; } = options.LearningRateSchedule != LearningRateSchedule.ExponentialDecay;

    /// <summary>
    /// The rate after <paramref name="position"/> epochs of training: base · position / warm-up during the warm-up,
    /// then base · (1 + cos(π · (position − warm-up) / (epochs − warm-up))) / 2, reaching 0 at the last step.
    /// </summary>
    public double At(double position)
    {
        if (position < _warmup) return _base * Math.Max(position, 1e-3) / _warmup;
        double progress = Math.Clamp((position - _warmup) / Math.Max(1e-9, _epochs - _warmup), 0, 1);
        return _base * 0.5 * (1 + Math.Cos(Math.PI * progress));
    }
}
