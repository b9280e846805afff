using System.Numerics;
using Erts.MLNet.Data.DataViews;

namespace Erts.MLNet.Data.Synthetic;

/// <summary>
/// Generates labelled multi-lead ECGs from a dynamical model in the spirit of ECGSYN (McSharry et al., 2003): each beat
/// is a sum of Gaussian P, Q, R, S and T events placed at beat times from an RR tachogram with respiratory sinus
/// arrhythmia and Mayer waves, here as heart dipoles projected on the chosen leads. Classes differ in rhythm and
/// morphology (<see cref="SyntheticEcgClass"/>); noise (baseline wander, muscle, mains) and deliberate label flips
/// are configurable. Every record depends only on (seed, index), so the set is reproducible and any record can be
/// generated alone.
/// </summary>
/// <remarks>
/// Record <c>i</c> has class <c>Classes[i % Classes.Count]</c>, so every prefix of the set is balanced. Record ids are
/// <c>syn-000000</c>, <c>syn-000001</c>, ...; every record is its own patient (<c>PatientId</c> = record id).
/// </remarks>
public sealed class SyntheticEcgGenerator
{
    private readonly Vector3[] _leadVectors;
    private readonly Dictionary<int, SyntheticEcgClass> _flippedTo;

    /// <summary>Checks the options and prepares the set (the label flips are decided here).</summary>
    /// <param name="options">Generator options; null for the defaults. Copied: later changes have no effect.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of its range (the message names it).</exception>
    /// <exception cref="ArgumentException">Lead names or classes are unknown, repeated or empty.</exception>
    public SyntheticEcgGenerator(SyntheticEcgOptions? options = null)
    {
        Options = (options ?? new SyntheticEcgOptions()).Clone();
        _leadVectors = Validate(Options);
        Count = checked(Options.ExamplesPerClass * Options.Classes.Count);
        Shape = new EcgSignalShape(_leadVectors.Length, Options.SamplesPerLead,
            Options.LeadNames.Select(CanonicalLeadName).ToArray(), Options.SamplingRate);
        Labels = Options.Classes.Select(c => c.ToLabel()).ToArray();
        _flippedTo = ChooseLabelFlips();
    }

    /// <summary>The options in use (a copy of those given).</summary>
    public SyntheticEcgOptions Options { get; }

    /// <summary>Number of records: examples per class x classes.</summary>
    public int Count { get; }

    /// <summary>Leads, samples per lead, lead names and sampling rate of every record.</summary>
    public EcgSignalShape Shape { get; }

    /// <summary>The labels of the included classes, in <see cref="SyntheticEcgOptions.Classes"/> order.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>Indices of the records whose label was flipped, ascending.</summary>
    public IReadOnlyList<int> FlippedIndices => _flippedTo.Keys.Order().ToArray();

    /// <summary>The class record <paramref name="index"/> is generated from (before any label flip).</summary>
    /// <param name="index">Record index in [0, <see cref="Count"/>).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside the set.</exception>
    public SyntheticEcgClass ClassOf(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return Options.Classes[index % Options.Classes.Count];
    }

    /// <summary>Generates record <paramref name="index"/>; the same options and index always give the same record.</summary>
    /// <param name="index">Record index in [0, <see cref="Count"/>).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside the set.</exception>
    public SyntheticEcgRecord Generate(int index) => Generate(index, new SyntheticEcgRenderer(Options, _leadVectors));

    /// <summary>Generates every record lazily, in index order (one record in memory at a time unless kept).</summary>
    public IEnumerable<SyntheticEcgRecord> GenerateAll()
    {
        var renderer = new SyntheticEcgRenderer(Options, _leadVectors);
        for (int index = 0; index < Count; index++)
            yield return Generate(index, renderer);
    }

    /// <summary>The examples of <see cref="GenerateAll"/>, lazily: the source of the data view.</summary>
    public IEnumerable<EcgExample> Examples() => GenerateAll().Select(record => record.Example);

    /// <summary>A lazy <see cref="Microsoft.ML.IDataView"/> of the set (row count known); each cursor regenerates the records.</summary>
    public EcgDataView CreateDataView() => EcgDataView.Create(Examples, Shape, Count);

    private SyntheticEcgRecord Generate(int index, SyntheticEcgRenderer renderer)
    {
        var trueClass = ClassOf(index);
        var (signal, beats) = renderer.Render(trueClass, new SplitMixRandom(Options.Seed, index));
        bool flipped = _flippedTo.TryGetValue(index, out var labelClass);
        if (!flipped) labelClass = trueClass;

        string recordId = $"syn-{index:D6}";
        var example = new EcgExample(recordId, recordId, signal, Shape.Leads, Shape.SamplingRate, labelClass.ToLabel(), Shape.LeadNames);
        return new SyntheticEcgRecord(index, example, trueClass, flipped, beats);
    }

    /// <summary>
    /// Picks exactly round(fraction x count) records (a partial Fisher-Yates shuffle on a dedicated random stream)
    /// and, for each, another class uniformly.
    /// </summary>
    private Dictionary<int, SyntheticEcgClass> ChooseLabelFlips()
    {
        int flips = (int)Math.Round(Options.LabelNoiseFraction * (double)Count);
        var flippedTo = new Dictionary<int, SyntheticEcgClass>(flips);
        if (flips == 0) return flippedTo;

        var random = new SplitMixRandom(Options.Seed, stream: -1);
        var order = Enumerable.Range(0, Count).ToArray();
        int classCount = Options.Classes.Count;
        for (int i = 0; i < flips; i++)
        {
            int j = i + random.NextInt(Count - i);
            (order[i], order[j]) = (order[j], order[i]);
            int index = order[i];
            int trueClass = index % classCount;
            int other = (trueClass + 1 + random.NextInt(classCount - 1)) % classCount;
            flippedTo[index] = Options.Classes[other];
        }
        return flippedTo;
    }

    private static Vector3[] Validate(SyntheticEcgOptions o)
    {
        CheckRange(o.SamplingRate, 50f, 2000f, nameof(SyntheticEcgOptions.SamplingRate), "Hz");
        CheckRange(o.DurationSeconds, 2f, 600f, nameof(SyntheticEcgOptions.DurationSeconds), "s");
        if (o.ExamplesPerClass < 1)
            throw new ArgumentOutOfRangeException(nameof(SyntheticEcgOptions.ExamplesPerClass), o.ExamplesPerClass, "ExamplesPerClass must be at least 1.");
        CheckRange(o.BaselineWander, 0f, 10f, nameof(SyntheticEcgOptions.BaselineWander), "mV");
        CheckRange(o.MuscleNoise, 0f, 10f, nameof(SyntheticEcgOptions.MuscleNoise), "mV");
        CheckRange(o.MainsHum, 0f, 10f, nameof(SyntheticEcgOptions.MainsHum), "mV");
        CheckRange(o.MainsFrequency, 1f, 1000f, nameof(SyntheticEcgOptions.MainsFrequency), "Hz");
        if (!(o.LabelNoiseFraction >= 0 && o.LabelNoiseFraction < 1))
            throw new ArgumentOutOfRangeException(nameof(SyntheticEcgOptions.LabelNoiseFraction), o.LabelNoiseFraction, "LabelNoiseFraction must be in [0, 1).");

        if (o.Classes is null || o.Classes.Count == 0)
            throw new ArgumentException("Classes must name at least one class.", nameof(SyntheticEcgOptions.Classes));
        if (o.Classes.Distinct().Count() != o.Classes.Count || o.Classes.Any(c => !Enum.IsDefined(c)))
            throw new ArgumentException($"Classes must be distinct, defined classes; got [{string.Join(", ", o.Classes)}].", nameof(SyntheticEcgOptions.Classes));
        if (o.LabelNoiseFraction > 0 && o.Classes.Count < 2)
            throw new ArgumentException("LabelNoiseFraction > 0 needs at least two classes to flip between.", nameof(SyntheticEcgOptions.LabelNoiseFraction));

        if (o.LeadNames is null || o.LeadNames.Count == 0)
            throw new ArgumentException("LeadNames must name at least one lead.", nameof(SyntheticEcgOptions.LeadNames));
        if (o.LeadNames.Distinct(StringComparer.OrdinalIgnoreCase).Count() != o.LeadNames.Count)
            throw new ArgumentException($"LeadNames must be distinct; got [{string.Join(", ", o.LeadNames)}].", nameof(SyntheticEcgOptions.LeadNames));
        return o.LeadNames.Select(name => StandardLeads.TryGet(name, out var vector)
            ? vector
            : throw new ArgumentException($"LeadNames: '{name}' is not a standard lead; use any of {string.Join(", ", StandardLeads.Names)}.", nameof(SyntheticEcgOptions.LeadNames)))
            .ToArray();
    }

    private static void CheckRange(float value, float min, float max, string option, string unit)
    {
        if (!(value >= min && value <= max))
            throw new ArgumentOutOfRangeException(option, value, $"{option} must be in [{min}, {max}] {unit}.");
    }

    private static string CanonicalLeadName(string name) =>
        StandardLeads.Names.First(standard => string.Equals(standard, name, StringComparison.OrdinalIgnoreCase));
}
