namespace Erts.MLNet.Explainability;

/// <summary>What <see cref="GradCam.Explain"/> says about one ECG.</summary>
/// <param name="PredictedClass">Index of the most probable class.</param>
/// <param name="Probabilities">Softmax probability per class.</param>
/// <param name="TargetClass">The class the profile explains (the predicted one unless another was asked for).</param>
/// <param name="Profile">
/// Grad-CAM evidence for <paramref name="TargetClass"/> per input sample: the ReLU'd, not normalised, time profile
/// of the explained layer, linearly interpolated to the input length.
/// </param>
/// <param name="Focus">The <see cref="FocusScore"/> of the profile at the resolution asked for (the explained layer's by default), in [0, 1].</param>
public sealed record EcgExplanation(
    int PredictedClass,
    IReadOnlyList<float> Probabilities,
    int TargetClass,
    IReadOnlyList<float> Profile,
    float Focus);
