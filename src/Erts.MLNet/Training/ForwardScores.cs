using Erts.MLNet.Explainability;
using Erts.MLNet.Networks;
using static TorchSharp.torch;

namespace Erts.MLNet.Training;

/// <summary>The numbers selection needs, read off one forward: true-class confidence, predicted class, focus.</summary>
internal static class ForwardScores
{
    /// <summary>p(true class) and the arg-max class of each row of <paramref name="logits"/> (B, classes).</summary>
    /// <param name="logits">Logits; read without gradient.</param>
    /// <param name="labels">True classes, int64 (B).</param>
    public static (float[] TrueClass, int[] Predicted) Confidence(Tensor logits, Tensor labels)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var values = logits.detach();
        var trueClass = nn.functional.softmax(values, 1).gather(1, labels.unsqueeze(1)).squeeze(1).cpu().data<float>().ToArray();
        var predicted = values.argmax(1).to(ScalarType.Int32).cpu().data<int>().ToArray();
        return (trueClass, predicted);
    }

    /// <summary>Focus of the true class of each row, from trunk activations (Grad-CAM time profile, then <see cref="FocusScore"/>).</summary>
    /// <param name="network">The network; in eval mode unless it has the CAM fast path (which reads the activations only).</param>
    /// <param name="activations">Trunk output (B, K, T'); read without gradient.</param>
    /// <param name="labels">True classes, int64 (B).</param>
    /// <param name="resolution">Where the profile is scored: at T', or stretched to <paramref name="inputLength"/>.</param>
    /// <param name="inputLength">Samples per lead of the input.</param>
    public static float[] Focus(EcgNetwork network, Tensor activations, Tensor labels, FocusResolution resolution, int inputLength)
    {
        using var scope = NewDisposeScope();
        var profiles = GradCam.TimeProfiles(network, activations.detach(), labels);
        return FocusScore.Compute(profiles, resolution, inputLength).cpu().data<float>().ToArray();
    }
}
