namespace Erts.MLNet.Training;

/// <summary>Splits materialised data into training and validation parts, keeping the class proportions.</summary>
internal static class StratifiedHoldOut
{
    /// <summary>
    /// Holds out round(<paramref name="fraction"/> x n_c) examples of each class c (seeded), but always leaves at
    /// least one example of a class for training. Returns no validation part when nothing is held out.
    /// </summary>
    public static (EcgTensorData Train, EcgTensorData? Validation) Split(EcgTensorData data, double fraction, int seed)
    {
        if (fraction <= 0) return (data, null);
        var random = new Random(seed);
        var validation = new List<int>();
        var train = new List<int>();
        foreach (var members in Enumerable.Range(0, data.Count).GroupBy(i => data.Labels[i]).OrderBy(g => g.Key))
        {
            var indices = members.ToArray();
            random.Shuffle(indices);
            int heldOut = Math.Min((int)Math.Round(fraction * indices.Length), indices.Length - 1);
            validation.AddRange(indices.Take(heldOut));
            train.AddRange(indices.Skip(heldOut));
        }
        if (validation.Count == 0) return (data, null);
        train.Sort();
        validation.Sort();
        // Views on the same signal store: holding out copies no signal data.
        return (data.Subset(train), data.Subset(validation));
    }
}
