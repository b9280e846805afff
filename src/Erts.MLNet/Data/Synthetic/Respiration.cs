namespace Erts.MLNet.Data.Synthetic;

/// <summary>
/// The record's breathing: it modulates the heart rate (respiratory sinus arrhythmia), the QRS amplitude and the
/// baseline, as in ECGSYN where one respiratory oscillation drives all three.
/// </summary>
/// <param name="Frequency">Breaths per second (Hz), about 0.15-0.4.</param>
/// <param name="Phase">Phase at t = 0 (radians).</param>
internal readonly record struct Respiration(float Frequency, float Phase)
{
    /// <summary>The breathing cycle at time <paramref name="seconds"/>, in [-1, 1].</summary>
    public float At(float seconds) => MathF.Sin(2f * MathF.PI * Frequency * seconds + Phase);

    public static Respiration Draw(SplitMixRandom random) =>
        new(random.Uniform(0.15f, 0.4f), random.Uniform(0f, 2f * MathF.PI));
}
