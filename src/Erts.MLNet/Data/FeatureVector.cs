namespace Erts.MLNet.Data;

/// <summary>
/// A fixed-size vector of named values attached to an example (e.g. a beat's rhythm context); in a view it becomes a
/// <c>Vector&lt;Single, k&gt;</c> column whose <c>SlotNames</c> annotation holds the names.
/// </summary>
public sealed record FeatureVector
{
    /// <summary>Pairs values with their names.</summary>
    /// <param name="slotNames">One name per value, shared by every example of a dataset (not copied).</param>
    /// <param name="values">The values (not copied).</param>
    /// <exception cref="ArgumentException">The counts differ.</exception>
    public FeatureVector(IReadOnlyList<string> slotNames, float[] values)
    {
        ArgumentNullException.ThrowIfNull(slotNames);
        ArgumentNullException.ThrowIfNull(values);
        if (slotNames.Count != values.Length)
            throw new ArgumentException($"{values.Length} values for {slotNames.Count} slot names; there must be one value per name.", nameof(values));
        SlotNames = slotNames;
        Values = values;
    }

    /// <summary>The name of each value, in order.</summary>
    public IReadOnlyList<string> SlotNames { get; }

    /// <summary>The values.</summary>
    public float[] Values { get; }
}
