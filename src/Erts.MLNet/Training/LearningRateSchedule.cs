namespace Erts.MLNet.Training;

/// <summary>How the trainer's learning rate changes over training (<see cref="ErtsTrainer.Options.LearningRateSchedule"/>).</summary>
public enum LearningRateSchedule
{
    /// <summary>The reference code's: the base rate, multiplied by <see cref="ErtsTrainer.Options.LearningRateDecay"/> after every epoch.</summary>
    ExponentialDecay,

    /// <summary>
    /// Linear warm-up from 0 over <see cref="ErtsTrainer.Options.LearningRateWarmupEpochs"/>, then half a cosine down to
    /// 0 at the end of the last epoch; set before every optimizer step from the position in training (epoch and
    /// mini-batch), so a resumed run follows the same curve.
    /// </summary>
    WarmupCosine,
}
