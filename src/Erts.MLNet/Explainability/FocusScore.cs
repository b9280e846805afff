using static TorchSharp.torch;

namespace Erts.MLNet.Explainability;

/// <summary>
/// How concentrated a Grad-CAM time profile is: min-max normalise per sample (all zeros when max = min), then
/// average the top max(1, floor(T'/10)) values. 0 = no or flat evidence, 1 = evidence on a compact region.
/// </summary>
public static class FocusScore
{
    /// <summary>Focus per sample of (B, T') profiles; returns (B) in [0, 1].</summary>
    public static Tensor Compute(Tensor profiles) => throw new NotImplementedException();

    /// <summary>Focus of one time profile, in [0, 1].</summary>
    public static float Compute(ReadOnlySpan<float> profile) => throw new NotImplementedException();
}
