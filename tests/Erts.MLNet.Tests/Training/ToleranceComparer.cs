namespace Erts.MLNet.Tests.Training;

/// <summary>Floats equal within a relative <paramref name="tolerance"/> (absolute below 1), for comparing network outputs.</summary>
internal sealed class ToleranceComparer(float tolerance) : IEqualityComparer<float>
{
    public bool Equals(float x, float y) => Math.Abs(x - y) <= tolerance * Math.Max(1f, Math.Abs(x));

    public int GetHashCode(float value) => 0;
}
