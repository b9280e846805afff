namespace Erts.MLNet.Training;

/// <summary>One candidate the focus filter looked at: the raw material of focus histograms and noise analyses.</summary>
/// <param name="Epoch">0-based epoch.</param>
/// <param name="SampleIndex">Index of the sample in the training data.</param>
/// <param name="Confidence">p(true class) in the confidence pass.</param>
/// <param name="Focus">Focus score in [0, 1].</param>
/// <param name="Kept">True when the sample got a gradient step.</param>
public sealed record FocusObservation(int Epoch, int SampleIndex, float Confidence, float Focus, bool Kept);
