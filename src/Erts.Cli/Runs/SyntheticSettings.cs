namespace Erts.Cli.Runs;

/// <summary>How the built-in synthetic dataset is generated for a run.</summary>
/// <param name="ExamplesPerClass">Records per class (split 80/10/10 into train, validation and test).</param>
/// <param name="LabelNoise">Fraction of training and validation records whose label is flipped to another class, in [0, 1).</param>
/// <param name="Leads">Lead names to generate, e.g. ["I", "II", "V1"].</param>
/// <param name="DurationSeconds">Length of each record (s).</param>
/// <param name="SamplingRate">Samples per second (Hz).</param>
/// <param name="Seed">Seed of the generator.</param>
internal sealed record SyntheticSettings(int ExamplesPerClass, float LabelNoise, IReadOnlyList<string> Leads, float DurationSeconds, float SamplingRate, int Seed);
