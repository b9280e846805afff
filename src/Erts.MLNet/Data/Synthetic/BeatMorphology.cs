using System.Numerics;

namespace Erts.MLNet.Data.Synthetic;

/// <summary>
/// The waves of one record's beats. Every record draws its own "patient" (heart orientation, size, PR and QT
/// intervals, T amplitude) so that classes overlap in everything but the feature that defines them.
/// </summary>
/// <remarks>
/// Directions are mean electrical axes in body coordinates (x left, y inferior, z anterior): P towards left-inferior;
/// septal Q to the right and front (small q in I and V6, r in V1); R to the left, down and back (tall in II and V6,
/// deep S in V1, transition near V3-V4); S to the right, up and back; T roughly along R but more anterior.
/// </remarks>
internal sealed class BeatMorphology
{
    private static readonly Vector3 PAxis = new(0.55f, 0.8f, 0.2f);
    private static readonly Vector3 SeptalAxis = new(-0.6f, 0.1f, 0.8f);
    private static readonly Vector3 RAxis = new(0.7f, 0.55f, -0.3f);
    private static readonly Vector3 SAxis = new(-0.5f, -0.3f, -0.6f);
    private static readonly Vector3 TAxis = new(0.6f, 0.55f, 0.35f);

    // Territories of an injury current (ST class): anterior (V1-V4), inferior (II, III, aVF), lateral (I, aVL, V5-V6).
    private static readonly Vector3[] InjuryTerritories = [new(-0.1f, -0.1f, 1f), new(0f, 1f, 0.1f), new(0.9f, -0.35f, -0.2f)];

    private BeatMorphology(CardiacWave[] sinus, CardiacWave[] ectopic)
    {
        Sinus = sinus;
        Ectopic = ectopic;
    }

    /// <summary>Waves of a beat from the sinus node (no P wave for AF: the atria fibrillate instead).</summary>
    public CardiacWave[] Sinus { get; }

    /// <summary>Waves of a premature ventricular beat (PVC class only, else empty).</summary>
    public CardiacWave[] Ectopic { get; }

    /// <summary>Draws a patient and builds the beat templates of <paramref name="ecgClass"/>.</summary>
    /// <param name="ecgClass">The class to render.</param>
    /// <param name="meanRr">Mean RR interval (s); T-wave timing follows it (Bazett-like QT adaptation).</param>
    /// <param name="random">The record's random generator.</param>
    public static BeatMorphology Create(SyntheticEcgClass ecgClass, float meanRr, SplitMixRandom random)
    {
        // Patient: electrical axis rotations (frontal plane about z, horizontal plane about y), size, intervals.
        var orientation = Quaternion.CreateFromAxisAngle(Vector3.UnitZ, Radians(random.Uniform(-25f, 25f)))
                        * Quaternion.CreateFromAxisAngle(Vector3.UnitY, Radians(random.Uniform(-20f, 20f)));
        float size = random.Uniform(0.7f, 1.4f);
        float pr = random.Uniform(0.13f, 0.20f);
        float qtScale = MathF.Sqrt(meanRr) * random.Uniform(0.92f, 1.08f);
        float tSize = random.Uniform(0.2f, 0.45f);

        var sinus = new List<CardiacWave>(10);
        if (ecgClass != SyntheticEcgClass.AtrialFibrillation)
            sinus.Add(CardiacWave.Along(-pr + 0.02f, 0.022f, PAxis, random.Uniform(0.1f, 0.2f)));

        switch (ecgClass)
        {
            case SyntheticEcgClass.BundleBranchBlock when random.Chance(0.5):
                AddRightBundleBranchBlock(sinus, qtScale, tSize, random);
                break;
            case SyntheticEcgClass.BundleBranchBlock:
                AddLeftBundleBranchBlock(sinus, qtScale, tSize, random);
                break;
            default:
                AddNormalVentricles(sinus, qtScale, tSize, random);
                break;
        }

        if (ecgClass == SyntheticEcgClass.StChange)
            AddInjuryCurrent(sinus, qtScale, random);

        var ectopic = ecgClass == SyntheticEcgClass.PrematureVentricularContraction
            ? VentricularEctopic(qtScale, random)
            : [];
        return new BeatMorphology(Transform(sinus, orientation, size), Transform(ectopic, orientation, size));
    }

    private static void AddNormalVentricles(List<CardiacWave> waves, float qtScale, float tSize, SplitMixRandom random)
    {
        waves.Add(CardiacWave.Along(-0.025f, 0.008f, SeptalAxis, random.Uniform(0.08f, 0.18f)));
        waves.Add(CardiacWave.Along(0f, random.Uniform(0.009f, 0.012f), RAxis, random.Uniform(1.0f, 1.6f)));
        waves.Add(CardiacWave.Along(0.028f, 0.009f, SAxis, random.Uniform(0.2f, 0.45f)));
        AddT(waves, TAxis, qtScale, tSize);
    }

    /// <summary>
    /// Right-bundle-branch-block-like: the right ventricle depolarises late, adding a terminal rightward-anterior
    /// wave (rsR' in V1, wide S in I and V6); QRS about 140 ms.
    /// </summary>
    private static void AddRightBundleBranchBlock(List<CardiacWave> waves, float qtScale, float tSize, SplitMixRandom random)
    {
        waves.Add(CardiacWave.Along(-0.03f, 0.008f, SeptalAxis, random.Uniform(0.08f, 0.18f)));
        waves.Add(CardiacWave.Along(-0.005f, 0.012f, RAxis, random.Uniform(0.9f, 1.4f)));
        waves.Add(CardiacWave.Along(0.035f, 0.016f, SAxis, random.Uniform(0.3f, 0.5f)));
        waves.Add(CardiacWave.Along(random.Uniform(0.065f, 0.08f), 0.017f, new Vector3(-0.55f, 0f, 0.83f), random.Uniform(0.5f, 0.8f)));
        AddT(waves, new Vector3(0.7f, 0.5f, -0.15f), qtScale * 1.05f, tSize);
    }

    /// <summary>
    /// Left-bundle-branch-block-like: septal activation reversed (no q in I/V6), a broad notched R towards the left
    /// and back (QS in V1), QRS about 150 ms, T opposite to the QRS (secondary repolarisation change).
    /// </summary>
    private static void AddLeftBundleBranchBlock(List<CardiacWave> waves, float qtScale, float tSize, SplitMixRandom random)
    {
        var leftPosterior = new Vector3(0.75f, 0.3f, -0.6f);
        waves.Add(CardiacWave.Along(-0.035f, 0.012f, new Vector3(0.7f, 0f, -0.7f), random.Uniform(0.15f, 0.3f)));
        waves.Add(CardiacWave.Along(0f, 0.018f, leftPosterior, random.Uniform(0.8f, 1.2f)));
        waves.Add(CardiacWave.Along(random.Uniform(0.045f, 0.06f), 0.018f, leftPosterior + new Vector3(0.1f, -0.1f, 0.05f), random.Uniform(0.8f, 1.3f)));
        AddT(waves, new Vector3(-0.6f, -0.2f, 0.6f), qtScale * 1.08f, tSize * 1.2f);
    }

    /// <summary>
    /// An injury current during the ST segment: a broad dipole from the J point into the T wave, towards the injured
    /// territory (ST elevation there, reciprocal depression opposite) or away from it (ST depression).
    /// </summary>
    private static void AddInjuryCurrent(List<CardiacWave> waves, float qtScale, SplitMixRandom random)
    {
        var territory = InjuryTerritories[random.NextInt(InjuryTerritories.Length)];
        float sign = random.Chance(0.5) ? 1f : -1f;
        float millivolts = sign * random.Uniform(0.12f, 0.3f);
        waves.Add(CardiacWave.Along(0.09f * qtScale, 0.035f, territory, millivolts));
        waves.Add(CardiacWave.Along(0.17f * qtScale, 0.045f, territory, millivolts * 0.8f));
    }

    /// <summary>
    /// A premature ventricular beat: no P wave, a wide biphasic QRS from a randomly placed ectopic focus, and a large
    /// T wave opposite to the QRS.
    /// </summary>
    private static CardiacWave[] VentricularEctopic(float qtScale, SplitMixRandom random)
    {
        var focus = RandomDirection(random);
        var late = Vector3.Normalize(-focus + 0.6f * RandomDirection(random));
        return
        [
            CardiacWave.Along(0f, random.Uniform(0.024f, 0.032f), focus, random.Uniform(1.2f, 2.0f)),
            CardiacWave.Along(random.Uniform(0.05f, 0.065f), 0.026f, late, random.Uniform(0.4f, 0.8f)),
            CardiacWave.Along(0.3f * qtScale, 0.065f, -focus, random.Uniform(0.4f, 0.7f)),
        ];
    }

    /// <summary>A slightly asymmetric T wave (slow rise, faster fall) as two Gaussians, timed by the QT scale.</summary>
    private static void AddT(List<CardiacWave> waves, Vector3 axis, float qtScale, float millivolts)
    {
        waves.Add(CardiacWave.Along(0.27f * qtScale, 0.055f * qtScale, axis, millivolts * 0.6f));
        waves.Add(CardiacWave.Along(0.32f * qtScale, 0.035f * qtScale, axis, millivolts * 0.55f));
    }

    private static Vector3 RandomDirection(SplitMixRandom random)
    {
        var v = new Vector3((float)random.NextGaussian(), (float)random.NextGaussian(), (float)random.NextGaussian());
        return v.LengthSquared() < 1e-6f ? Vector3.UnitX : Vector3.Normalize(v);
    }

    private static CardiacWave[] Transform(IEnumerable<CardiacWave> waves, Quaternion orientation, float size) =>
        waves.Select(w => w with { Dipole = Vector3.Transform(w.Dipole, orientation) * size }).ToArray();

    private static float Radians(float degrees) => degrees * MathF.PI / 180f;
}
