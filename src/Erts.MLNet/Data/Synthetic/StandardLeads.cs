using System.Numerics;

namespace Erts.MLNet.Data.Synthetic;

/// <summary>
/// The standard 12 leads as lead vectors in body coordinates (x: patient's left, y: inferior, z: anterior).
/// A lead's voltage is the dot product of its vector with the heart's dipole, so the limb leads keep Einthoven's
/// relations (III = II - I, aVR = -(I + II) / 2, ...) and the chest leads look at the horizontal plane.
/// </summary>
internal static class StandardLeads
{
    public static IReadOnlyList<string> Names { get; } = ["I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4", "V5", "V6"];

    private static readonly Vector3 LeadI = new(1f, 0f, 0f);
    private static readonly Vector3 LeadII = new(0.5f, 0.866f, 0f);
    private static readonly Vector3 LeadIII = LeadII - LeadI;

    private static readonly Dictionary<string, Vector3> Vectors = new(StringComparer.OrdinalIgnoreCase)
    {
        ["I"] = LeadI,
        ["II"] = LeadII,
        ["III"] = LeadIII,
        ["aVR"] = -(LeadI + LeadII) / 2f,
        ["aVL"] = (LeadI - LeadIII) / 2f,
        ["aVF"] = (LeadII + LeadIII) / 2f,
        // Chest electrodes sit nearer the heart: larger gain. Angles in the horizontal plane from the left (V6)
        // towards the front (V1 is right of the sternum).
        ["V1"] = Chest(120f),
        ["V2"] = Chest(95f),
        ["V3"] = Chest(75f),
        ["V4"] = Chest(55f),
        ["V5"] = Chest(30f),
        ["V6"] = Chest(5f),
    };

    /// <summary>The lead vector of a standard lead name (case-insensitive), or false.</summary>
    public static bool TryGet(string name, out Vector3 vector) => Vectors.TryGetValue(name, out vector);

    private static Vector3 Chest(float degrees)
    {
        const float gain = 1.4f;
        float radians = degrees * MathF.PI / 180f;
        return gain * new Vector3(MathF.Cos(radians), 0.15f, MathF.Sin(radians));
    }
}
