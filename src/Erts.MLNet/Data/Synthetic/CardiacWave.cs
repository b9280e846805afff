using System.Numerics;

namespace Erts.MLNet.Data.Synthetic;

/// <summary>
/// One Gaussian event of a beat (P, Q, R, S, T or a part of one), as in ECGSYN's sum-of-Gaussians: its centre relative
/// to the beat's R peak, its width, and the heart dipole it contributes (direction and size in mV).
/// </summary>
/// <param name="Offset">Centre relative to the beat time (s).</param>
/// <param name="Width">Gaussian standard deviation (s).</param>
/// <param name="Dipole">Dipole at the peak, body coordinates (x left, y inferior, z anterior), mV.</param>
internal readonly record struct CardiacWave(float Offset, float Width, Vector3 Dipole)
{
    /// <summary>A wave whose dipole points along <paramref name="direction"/> (normalised) with size <paramref name="millivolts"/>.</summary>
    public static CardiacWave Along(float offset, float width, Vector3 direction, float millivolts) =>
        new(offset, width, Vector3.Normalize(direction) * millivolts);
}
