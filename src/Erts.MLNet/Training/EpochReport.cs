namespace Erts.MLNet.Training;

/// <summary>What happened in one epoch: how much data was used, where time went, and how good the model got.</summary>
/// <param name="Epoch">0-based epoch.</param>
/// <param name="Phase">"warmup", "selection" or "revision".</param>
/// <param name="SamplesSeen">Training samples offered to the policy this epoch (the training-set size).</param>
/// <param name="SamplesKept">Samples back-propagated this epoch.</param>
/// <param name="CumulativeEffectiveEpochs">Samples back-propagated so far divided by the training-set size.</param>
/// <param name="ConfidencePassSamples">Samples that went through the no-grad confidence pass.</param>
/// <param name="GradCamSamples">Samples whose focus score was computed (reused scores are not counted).</param>
/// <param name="ConfidenceSeconds">Wall-clock seconds in the confidence pass.</param>
/// <param name="GradCamSeconds">Wall-clock seconds computing focus scores.</param>
/// <param name="UpdateSeconds">Wall-clock seconds in forward + backward + optimizer steps on kept samples.</param>
/// <param name="ValidationSeconds">Wall-clock seconds validating.</param>
/// <param name="TrainLoss">Mean loss over the kept samples (NaN when none was kept).</param>
/// <param name="ValidationMacroF1">Macro-F1 on the validation set (NaN without one).</param>
/// <param name="ValidationAccuracy">Accuracy on the validation set (NaN without one).</param>
/// <param name="LearningRate">Learning rate used in this epoch.</param>
public sealed record EpochReport(
    int Epoch,
    string Phase,
    int SamplesSeen,
    int SamplesKept,
    double CumulativeEffectiveEpochs,
    int ConfidencePassSamples,
    int GradCamSamples,
    double ConfidenceSeconds,
    double GradCamSeconds,
    double UpdateSeconds,
    double ValidationSeconds,
    double TrainLoss,
    double ValidationMacroF1,
    double ValidationAccuracy,
    double LearningRate)
{
    /// <summary>
    /// Samples whose confidence was taken from a recent forward instead of a confidence pass
    /// (<see cref="ErtsTrainer.Options.ScoreReuseEpochs"/>); not counted in <see cref="ConfidencePassSamples"/>.
    /// </summary>
    public int ReusedConfidenceSamples { get; init; }

    /// <summary>Candidates whose focus was taken from a recent forward instead of being computed; not counted in <see cref="GradCamSamples"/>.</summary>
    public int ReusedFocusSamples { get; init; }

    /// <summary>Optimizer steps taken (fewer and fuller with <see cref="ErtsTrainer.Options.CompactKeptRows"/>).</summary>
    public int UpdateSteps { get; init; }

    /// <summary>Kept samples over seen samples.</summary>
    public double KeptFraction => SamplesSeen == 0 ? 0 : (double)SamplesKept / SamplesSeen;

    /// <summary>Seconds of the whole epoch.</summary>
    public double TotalSeconds => ConfidenceSeconds + GradCamSeconds + UpdateSeconds + ValidationSeconds;
}
