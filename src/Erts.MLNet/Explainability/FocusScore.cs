using TorchSharp;
using static TorchSharp.torch;

namespace Erts.MLNet.Explainability;

/// <summary>
/// How concentrated a Grad-CAM time profile is: min-max normalise per sample (all zeros when max = min), then
/// average the top max(1, floor(T'/10)) values. 0 = no or flat evidence, 1 = evidence on a compact region.
/// </summary>
/// <remarks>
/// Consequences of the definition worth knowing: a profile with a plateau covering at least a tenth of the time
/// axis scores 1; a lone one-sample spike becomes 1 at one point and 0 elsewhere after normalisation, so it scores
/// 1/k (low, but not 0); a flat or all-zero profile scores 0.
/// </remarks>
public static class FocusScore
{
    /// <summary>The top-k size the score averages: max(1, floor(T'/10)).</summary>
    /// <param name="length">Profile length T', at least 1.</param>
    public static int TopCount(int length)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        return Math.Max(1, length / 10);
    }

    /// <summary>Focus per sample of (B, T') profiles; returns (B) in [0, 1].</summary>
    /// <param name="profiles">Float tensor (B, T'), T' at least 1; not modified.</param>
    /// <exception cref="ArgumentException">The tensor is not two-dimensional or has no time positions.</exception>
    public static Tensor Compute(Tensor profiles)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        if (profiles.dim() != 2 || profiles.shape[1] < 1)
            throw new ArgumentException(
                $"Profiles must be shaped (batch, time) with time >= 1; got ({string.Join(", ", profiles.shape)}).",
                nameof(profiles));

        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var minimum = profiles.amin([1], keepdim: true);
        var range = profiles.amax([1], keepdim: true) - minimum;
        // Scalars held until after the calls that read them: an implicit one could be finalized during the call.
        using var zero = 0.ToScalar();
        using var tiniest = float.Epsilon.ToScalar();
        // A constant profile carries no localised evidence: it normalises to zeros instead of 0/0.
        var normalised = where(range > zero, (profiles - minimum) / range.clamp_min(tiniest), zeros_like(profiles));
        var (top, _) = normalised.topk(TopCount((int)profiles.shape[1]), dim: 1);
        return top.mean([1]).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Focus per sample of (B, T') profiles measured at <paramref name="resolution"/>: as they are, or stretched to
    /// <paramref name="inputLength"/> first (<see cref="GradCam.Stretch"/>); returns (B) in [0, 1].
    /// </summary>
    /// <param name="profiles">Float tensor (B, T'), T' at least 1; not modified.</param>
    /// <param name="resolution">Where the profile is scored.</param>
    /// <param name="inputLength">Samples per lead of the input the profiles explain.</param>
    /// <exception cref="ArgumentException">The tensor is not two-dimensional or has no time positions.</exception>
    public static Tensor Compute(Tensor profiles, FocusResolution resolution, int inputLength) =>
        resolution == FocusResolution.Input ? Compute(GradCam.Stretch(profiles, inputLength)) : Compute(profiles);

    /// <summary>Focus of one time profile, in [0, 1].</summary>
    /// <param name="profile">The profile (length T', at least 1).</param>
    /// <exception cref="ArgumentException">The profile is empty.</exception>
    public static float Compute(ReadOnlySpan<float> profile)
    {
        if (profile.IsEmpty) throw new ArgumentException("A profile needs at least one time position.", nameof(profile));

        float minimum = float.PositiveInfinity, maximum = float.NegativeInfinity;
        foreach (float value in profile)
        {
            minimum = Math.Min(minimum, value);
            maximum = Math.Max(maximum, value);
        }
        float range = maximum - minimum;
        if (!(range > 0)) return 0f;

        float[] sorted = profile.ToArray();
        Array.Sort(sorted);
        int count = TopCount(sorted.Length);
        double sum = 0;
        for (int i = sorted.Length - count; i < sorted.Length; i++) sum += (sorted[i] - minimum) / range;
        return (float)(sum / count);
    }
}
