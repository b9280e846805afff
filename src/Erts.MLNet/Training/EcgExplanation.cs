namespace Erts.MLNet.Training;

/// <summary>A prediction for one ECG with the Grad-CAM evidence behind it.</summary>
/// <param name="PredictedClass">Name of the predicted class.</param>
/// <param name="PredictedClassIndex">0-based index of the predicted class in <see cref="ErtsTransformer.ClassNames"/>.</param>
/// <param name="Probabilities">Softmax probability of each class, in <see cref="ErtsTransformer.ClassNames"/> order.</param>
/// <param name="Profile">
/// Grad-CAM time profile of the predicted class, one value per input sample (the explained layer's profile, ReLU'd
/// and linearly resampled to the input length; not normalised). High values mark the samples that raised the
/// predicted class's score.
/// </param>
public sealed record EcgExplanation(
    string PredictedClass,
    int PredictedClassIndex,
    IReadOnlyList<float> Probabilities,
    IReadOnlyList<float> Profile);
