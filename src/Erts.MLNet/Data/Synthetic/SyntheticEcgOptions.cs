namespace Erts.MLNet.Data.Synthetic;

/// <summary>Options of the synthetic ECG generator (<see cref="SyntheticEcgGenerator"/>).</summary>
/// <remarks>
/// Noise levels are typical values: each record draws its own level of each noise uniformly in [0.25, 1.75] x the
/// option, tripled for one record in ten (a badly recorded one), so a set holds clean and noisy records alike. Each
/// noise draws from its own random stream: changing one level changes neither the heart signal nor the other noises.
/// Set a level to 0 to switch that noise off.
/// </remarks>
public sealed class SyntheticEcgOptions
{
    /// <summary>Default values of every option.</summary>
    public static class Defaults
    {
        /// <summary>Default sampling rate: 250 Hz.</summary>
        public const float SamplingRate = 250f;

        /// <summary>Default duration: 10 s.</summary>
        public const float DurationSeconds = 10f;

        /// <summary>Default examples per class: 200.</summary>
        public const int ExamplesPerClass = 200;

        /// <summary>Default baseline wander amplitude: 0.15 mV.</summary>
        public const float BaselineWander = 0.15f;

        /// <summary>Default muscle (EMG-like) noise: 0.04 mV RMS.</summary>
        public const float MuscleNoise = 0.04f;

        /// <summary>Default mains hum amplitude: 0.02 mV.</summary>
        public const float MainsHum = 0.02f;

        /// <summary>Default mains frequency: 50 Hz.</summary>
        public const float MainsFrequency = 50f;

        /// <summary>Default fraction of flipped labels: 0 (none).</summary>
        public const float LabelNoiseFraction = 0f;

        /// <summary>Default seed: 42.</summary>
        public const int Seed = 42;

        /// <summary>Default leads: the standard 12 (I, II, III, aVR, aVL, aVF, V1-V6).</summary>
        public static IReadOnlyList<string> LeadNames { get; } = StandardLeads.Names;

        /// <summary>Default classes: all five (NORM, AF, PVC, BBB, ST).</summary>
        public static IReadOnlyList<SyntheticEcgClass> Classes { get; } = Enum.GetValues<SyntheticEcgClass>();
    }

    /// <summary>Samples per second per lead (Hz), in [50, 2000]; mains frequency must stay below half of it. Default 250.</summary>
    public float SamplingRate { get; set; } = Defaults.SamplingRate;

    /// <summary>Length of every record (s), in [1, 600]. Default 10.</summary>
    public float DurationSeconds { get; set; } = Defaults.DurationSeconds;

    /// <summary>
    /// Leads to generate, in signal order: any distinct subset of I, II, III, aVR, aVL, aVF, V1-V6 (case-insensitive).
    /// Default the standard 12.
    /// </summary>
    public IReadOnlyList<string> LeadNames { get; set; } = Defaults.LeadNames;

    /// <summary>Classes to generate (distinct, at least one); records cycle through them in this order. Default all five.</summary>
    public IReadOnlyList<SyntheticEcgClass> Classes { get; set; } = Defaults.Classes;

    /// <summary>Records per class, at least 1; the set holds <c>ExamplesPerClass x Classes.Count</c> records. Default 200.</summary>
    public int ExamplesPerClass { get; set; } = Defaults.ExamplesPerClass;

    /// <summary>Typical amplitude of baseline wander (respiration- and motion-like drift below 0.5 Hz), mV, at least 0. Default 0.15.</summary>
    public float BaselineWander { get; set; } = Defaults.BaselineWander;

    /// <summary>Typical RMS of muscle (EMG-like, broadband) noise, mV, at least 0. Default 0.04.</summary>
    public float MuscleNoise { get; set; } = Defaults.MuscleNoise;

    /// <summary>Typical amplitude of mains hum at <see cref="MainsFrequency"/>, mV, at least 0. Default 0.02.</summary>
    public float MainsHum { get; set; } = Defaults.MainsHum;

    /// <summary>
    /// Mains frequency (Hz), in [1, 1000]; 50 (Europe) or 60 (Americas). At or above half the sampling rate no hum is
    /// added (a recorder sampling that slowly filters it out before sampling). Default 50.
    /// </summary>
    public float MainsFrequency { get; set; } = Defaults.MainsFrequency;

    /// <summary>
    /// Fraction of records whose label is replaced by another class (label noise), in [0, 1). Exactly
    /// <c>round(fraction x count)</c> records are flipped; <see cref="SyntheticEcgRecord.IsLabelFlipped"/> marks them.
    /// Needs at least two classes when positive. Default 0.
    /// </summary>
    public float LabelNoiseFraction { get; set; } = Defaults.LabelNoiseFraction;

    /// <summary>Seed of every random choice: the same options give the same records, bit for bit. Default 42.</summary>
    public int Seed { get; set; } = Defaults.Seed;

    /// <summary>Samples per lead: <c>round(DurationSeconds x SamplingRate)</c>.</summary>
    public int SamplesPerLead => (int)Math.Round(DurationSeconds * SamplingRate);

    /// <summary>A copy, so a generator is not affected by later changes to these options.</summary>
    public SyntheticEcgOptions Clone()
    {
        var copy = (SyntheticEcgOptions)MemberwiseClone();
        copy.LeadNames = LeadNames.ToArray();
        copy.Classes = Classes.ToArray();
        return copy;
    }
}
