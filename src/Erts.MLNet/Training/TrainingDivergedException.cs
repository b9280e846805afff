namespace Erts.MLNet.Training;

/// <summary>
/// Training stopped because the loss, the network's weights or its validation scores became NaN or infinite: the
/// learning rate is too high for the data, or the inputs hold values far outside the usual range. Nothing from the
/// diverged epoch is kept: the checkpoint of the last finished epoch (when
/// <see cref="ErtsTrainer.Options.CheckpointDirectory"/> is set) stays as it was.
/// </summary>
public sealed class TrainingDivergedException : InvalidOperationException
{
    /// <summary>Creates the exception; the message names the epoch and the update step and suggests what to change.</summary>
    /// <param name="epoch">0-based epoch.</param>
    /// <param name="epochs">Epochs of the run.</param>
    /// <param name="step">0-based update step within the epoch, or null when the divergence was found after the epoch's last step.</param>
    /// <param name="what">What became non-finite, e.g. "the training loss is NaN".</param>
    /// <param name="learningRate">The learning rate at that point.</param>
    internal TrainingDivergedException(int epoch, int epochs, int? step, string what, double learningRate)
        : base($"Training diverged in epoch {epoch + 1}/{epochs}{(step is { } s ? $", update step {s + 1}" : " (after its last update step)")}: {what}. " +
               $"Lower the learning rate (now {learningRate.ToString("G3", System.Globalization.CultureInfo.InvariantCulture)}) " +
               "or check the inputs for extreme values (normalise each lead, e.g. with mlContext.Transforms.Ecg.NormalizeLeads()).")
    {
        Epoch = epoch;
        Step = step;
    }

    /// <summary>0-based epoch in which training diverged.</summary>
    public int Epoch { get; }

    /// <summary>0-based update step within <see cref="Epoch"/>, or null when found after the epoch's last step.</summary>
    public int? Step { get; }
}
