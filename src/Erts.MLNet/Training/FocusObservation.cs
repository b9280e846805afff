namespace Erts.MLNet.Training;

/// <summary>One candidate the focus filter looked at: the raw material of focus histograms and noise analyses.</summary>
/// <param name="Epoch">0-based epoch.</param>
/// <param name="SampleIndex">Index of the sample in the training data.</param>
/// <param name="Confidence">p(true class) in the confidence pass (or the cached forward, see <see cref="ScoreAgeEpochs"/>).</param>
/// <param name="Focus">Focus score in [0, 1].</param>
/// <param name="Kept">True when the sample got a gradient step.</param>
public sealed record FocusObservation(int Epoch, int SampleIndex, float Confidence, float Focus, bool Kept)
{
    /// <summary>
    /// Epochs since the forward that gave <see cref="Confidence"/> (and <see cref="Focus"/>, when it was reused too):
    /// 0 for a fresh confidence pass (always, unless <see cref="ErtsTrainer.Options.ScoreReuseEpochs"/> is above 0);
    /// at most <see cref="ErtsTrainer.Options.ScoreReuseEpochs"/>. A focus computed on request is always fresh.
    /// </summary>
    public int ScoreAgeEpochs { get; init; }
}
