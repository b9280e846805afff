namespace Erts.MLNet.Data.Datasets;

/// <summary>Shares of a dataset given to training, validation and test; each in [0, 1], summing to 1.</summary>
/// <param name="Train">Training share, e.g. 0.8.</param>
/// <param name="Validation">Validation share, e.g. 0.1.</param>
/// <param name="Test">Test share, e.g. 0.1.</param>
public sealed record SplitFractions(double Train, double Validation, double Test)
{
    /// <summary>80 / 10 / 10, the split of the CinC 2020 sets in the ERTS paper.</summary>
    public static SplitFractions Default { get; } = new(0.8, 0.1, 0.1);

    /// <summary>Throws when a share is outside [0, 1] or the shares do not sum to 1 (within 1e-9).</summary>
    /// <param name="optionName">Option name used in the message.</param>
    /// <exception cref="ArgumentOutOfRangeException">Shares out of range.</exception>
    public void Validate(string optionName)
    {
        foreach (double share in new[] { Train, Validation, Test })
            if (!(share >= 0 && share <= 1))
                throw new ArgumentOutOfRangeException(optionName, this, "each share must be in [0, 1]");
        if (Math.Abs(Train + Validation + Test - 1) > 1e-9)
            throw new ArgumentOutOfRangeException(optionName, this, "shares must sum to 1");
    }
}
