namespace Erts.MLNet.Training;

/// <summary>What one epoch of <see cref="EpochRunner"/> did.</summary>
internal sealed class EpochOutcome(FocusTally focus)
{
    // Counters and timings of the epoch, summed over its batches.
    public int Kept { get; set; }
    public int ConfidenceSamples { get; set; }
    public int GradCamSamples { get; set; }
    public int ReusedConfidenceSamples { get; set; }
    public int ReusedFocusSamples { get; set; }
    public int UpdateSteps { get; set; }
    public double ConfidenceSeconds { get; set; }
    public double GradCamSeconds { get; set; }
    public double UpdateSeconds { get; set; }
    public double LossSum { get; set; }
    public bool Cancelled { get; set; }

    /// <summary>The candidates the focus filter scored this epoch, binned.</summary>
    public FocusTally Focus { get; } = focus;

    /// <summary>Mean loss per kept sample; NaN when nothing was kept.</summary>
    public double MeanLoss => Kept == 0 ? double.NaN : LossSum / Kept;
}
