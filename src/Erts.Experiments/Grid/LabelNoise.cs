using Erts.MLNet.Data;

namespace Erts.Experiments.Grid;

/// <summary>Symmetric label noise: a seeded share of examples gets another class, chosen uniformly.</summary>
public static class LabelNoise
{
    /// <summary>
    /// Returns the examples with exactly round(<paramref name="fraction"/> × count) labels flipped, and which ones.
    /// The examples themselves are not changed (flipped ones are copies).
    /// </summary>
    /// <param name="examples">Clean examples.</param>
    /// <param name="classes">The class names a flipped label is drawn from (never its own).</param>
    /// <param name="fraction">Share to flip, in [0, 1).</param>
    /// <param name="seed">Seed of which rows flip and to what.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="fraction"/> is outside [0, 1).</exception>
    public static (IReadOnlyList<EcgExample> Examples, bool[] Flipped) Flip(IReadOnlyList<EcgExample> examples, IReadOnlyList<string> classes, double fraction, int seed)
    {
        ArgumentNullException.ThrowIfNull(examples);
        if (!(fraction >= 0 && fraction < 1)) throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "The noise fraction must be in [0, 1).");
        var flipped = new bool[examples.Count];
        if (fraction == 0) return (examples, flipped);

        var random = new Random(seed);
        int[] order = Enumerable.Range(0, examples.Count).ToArray();
        random.Shuffle(order);
        var noisy = examples.ToArray();
        foreach (int row in order.Take((int)Math.Round(fraction * examples.Count, MidpointRounding.AwayFromZero)))
        {
            var others = classes.Where(name => name != examples[row].Label).ToArray();
            noisy[row] = examples[row] with { Label = others[random.Next(others.Length)] };
            flipped[row] = true;
        }
        return (noisy, flipped);
    }
}
