namespace Erts.MLNet.Training;

/// <summary>
/// Random changes the trainer applies to each training input every epoch, after drawing its window
/// (<see cref="ErtsTrainer.Options.Augmentation"/>). Every draw is a function of (seed, epoch, row), so the same
/// program gives the same inputs, a run resumed from a checkpoint draws what the uninterrupted run drew, and a
/// selection policy's confidence pass sees the very input the update then trains on. Amounts are in the signal's
/// units: with per-lead z-scored records (<c>Transforms.Ecg.NormalizeLeads</c>) one unit is one standard deviation.
/// </summary>
public sealed record EcgAugmentation
{
    /// <summary>
    /// The practical recipe's amounts for z-scored records: amplitude × U(0.8, 1.2) and Gaussian noise of standard
    /// deviation 0.05 (what <c>cinc2017_recipe_torch.py</c>'s windows recipe uses), no wander or shift.
    /// </summary>
    public static EcgAugmentation Light { get; } = new() { AmplitudeScale = 0.2f, NoiseStandardDeviation = 0.05f };

    /// <summary>a: every input is multiplied by one factor drawn from U(1 − a, 1 + a), all leads alike. Default 0. Range: [0, 1).</summary>
    public float AmplitudeScale { get; init; }

    /// <summary>Standard deviation of the Gaussian noise added to every sample. Default 0. Range: 0 or more.</summary>
    public float NoiseStandardDeviation { get; init; }

    /// <summary>
    /// Largest amplitude of an added baseline wander: a sinusoid of amplitude U(0, this), 0.5 to 2 cycles per input
    /// window and random phase, all leads alike. Default 0. Range: 0 or more.
    /// </summary>
    public float BaselineWanderAmplitude { get; init; }

    /// <summary>
    /// Largest time shift in samples: the input moves by a whole number of samples drawn from [−s, s], zeros filling
    /// what it leaves (for windows drawn from longer records the random start already shifts). Default 0. Range: 0 or more.
    /// </summary>
    public int MaxTimeShift { get; init; }

    /// <summary>True when every amount is 0.</summary>
    public bool IsNone => AmplitudeScale == 0 && NoiseStandardDeviation == 0 && BaselineWanderAmplitude == 0 && MaxTimeShift == 0;

    /// <inheritdoc/>
    public override string ToString() => FormattableString.Invariant(
        $"amplitude ±{AmplitudeScale}, noise sd {NoiseStandardDeviation}, wander ≤ {BaselineWanderAmplitude}, shift ≤ {MaxTimeShift}");
}
