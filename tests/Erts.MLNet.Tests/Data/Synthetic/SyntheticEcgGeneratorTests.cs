using Erts.MLNet.Data.Synthetic;

namespace Erts.MLNet.Tests.Data.Synthetic;

public class SyntheticEcgGeneratorTests
{
    private const int LeadII = 1;

    /// <summary>12 noise-free records per class (seed 7); thresholds below leave a margin around the values measured on 40 per class.</summary>
    private static readonly Lazy<ILookup<SyntheticEcgClass, SyntheticEcgRecord>> CleanSet = new(() =>
        new SyntheticEcgGenerator(new SyntheticEcgOptions
        {
            ExamplesPerClass = 12, BaselineWander = 0, MuscleNoise = 0, MainsHum = 0, Seed = 7,
        }).GenerateAll().ToLookup(r => r.TrueClass));

    private static SyntheticEcgOptions OneLead(float wander = 0, float muscle = 0, float mains = 0, float mainsFrequency = 50) => new()
    {
        LeadNames = ["II"], ExamplesPerClass = 1, Classes = [SyntheticEcgClass.Normal],
        BaselineWander = wander, MuscleNoise = muscle, MainsHum = mains, MainsFrequency = mainsFrequency, Seed = 3,
    };

    [Fact]
    public void Generate_IdenticalRecords_WhenSeedAndIndexAreEqual()
    {
        var options = new SyntheticEcgOptions { ExamplesPerClass = 2, Seed = 11 };
        var first = new SyntheticEcgGenerator(options).GenerateAll().ToList();
        var second = new SyntheticEcgGenerator(options).GenerateAll().ToList();
        var alone = new SyntheticEcgGenerator(options).Generate(7);

        Assert.Equal(first.Select(r => r.Example.Signal), second.Select(r => r.Example.Signal));
        Assert.Equal(first[7].Example.Signal, alone.Example.Signal);
        Assert.Equal(first[7].Beats, alone.Beats);
    }

    [Fact]
    public void Generate_DifferentSignals_WhenSeedsDiffer()
    {
        var a = new SyntheticEcgGenerator(new SyntheticEcgOptions { ExamplesPerClass = 1, Seed = 1 }).Generate(0);
        var b = new SyntheticEcgGenerator(new SyntheticEcgOptions { ExamplesPerClass = 1, Seed = 2 }).Generate(0);

        Assert.NotEqual(a.Example.Signal, b.Example.Signal);
    }

    [Fact]
    public void GenerateAll_CyclesThroughClasses_WithDocumentedIdsAndShape()
    {
        var generator = new SyntheticEcgGenerator(new SyntheticEcgOptions
        {
            ExamplesPerClass = 2, LeadNames = ["ii", "V1"], Classes = [SyntheticEcgClass.AtrialFibrillation, SyntheticEcgClass.Normal],
            SamplingRate = 100, DurationSeconds = 5,
        });
        var records = generator.GenerateAll().ToList();

        Assert.Equal(4, generator.Count);
        Assert.Equal(["AF", "NORM", "AF", "NORM"], records.Select(r => r.Example.Label));
        Assert.Equal(["syn-000000", "syn-000001", "syn-000002", "syn-000003"], records.Select(r => r.Example.RecordId));
        Assert.All(records, r =>
        {
            Assert.Equal(r.Example.RecordId, r.Example.PatientId);
            Assert.Equal(["II", "V1"], r.Example.LeadNames);
            Assert.Equal(2, r.Example.Leads);
            Assert.Equal(500, r.Example.Length);
            Assert.Equal(100f, r.Example.SamplingRate);
        });
    }

    [Fact]
    public void Generate_AtrialFibrillationHasIrregularRrAndNoPWave_NormalHasBoth()
    {
        var normal = CleanSet.Value[SyntheticEcgClass.Normal].Select(r => r.Example).ToList();
        var fibrillation = CleanSet.Value[SyntheticEcgClass.AtrialFibrillation].Select(r => r.Example).ToList();

        Assert.All(normal, e => Assert.InRange(EcgMeasurements.RrVariation(e), 0, 0.07));
        Assert.All(fibrillation, e => Assert.InRange(EcgMeasurements.RrVariation(e), 0.08, 1));

        // Lead II, 200-80 ms before each QRS, after RR intervals long enough that the previous T wave has ended.
        double PWave(Erts.MLNet.Data.EcgExample e) => EcgMeasurements.BeatLockedMean(e, LeadII, -0.2, -0.08, minPrecedingRr: 0.7);
        Assert.All(normal.Select(PWave).Where(v => !double.IsNaN(v)), v => Assert.True(v > 0.025, $"P-wave mean {v:F3} mV"));
        Assert.All(fibrillation.Select(PWave).Where(v => !double.IsNaN(v)), v => Assert.True(Math.Abs(v) < 0.02, $"pre-QRS mean {v:F3} mV"));
    }

    [Fact]
    public void Generate_PrematureBeatsAreWide_BundleBranchBlockWidensEveryQrs()
    {
        static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
        var normal = CleanSet.Value[SyntheticEcgClass.Normal].Select(r => EcgMeasurements.QrsWidths(r.Example)).ToList();
        var premature = CleanSet.Value[SyntheticEcgClass.PrematureVentricularContraction].Select(r => EcgMeasurements.QrsWidths(r.Example)).ToList();
        var block = CleanSet.Value[SyntheticEcgClass.BundleBranchBlock].Select(r => EcgMeasurements.QrsWidths(r.Example)).ToList();

        Assert.All(normal, w => Assert.True(w.Max() / Median(w) < 1.2 && Median(w) < 0.095, $"normal QRS {Median(w):F3} s, widest {w.Max():F3} s"));
        Assert.All(premature, w => Assert.True(w.Max() / Median(w) > 1.3, $"PVC record: widest QRS {w.Max():F3} s vs median {Median(w):F3} s"));
        Assert.All(block, w => Assert.True(Median(w) > 0.105, $"BBB median QRS {Median(w):F3} s"));
        Assert.All(CleanSet.Value[SyntheticEcgClass.PrematureVentricularContraction], r => Assert.Contains(r.Beats, b => b.IsEctopic));
    }

    [Fact]
    public void Generate_StChangeShiftsTheStSegment_NormalDoesNot()
    {
        // Largest |ST level 70-90 ms after the QRS peak - PR level| over the 12 leads.
        static double StShift(Erts.MLNet.Data.EcgExample e) => Enumerable.Range(0, e.Leads).Max(lead =>
            Math.Abs(EcgMeasurements.BeatLockedMean(e, lead, 0.07, 0.09) - EcgMeasurements.BeatLockedMean(e, lead, -0.06, -0.05)));

        Assert.All(CleanSet.Value[SyntheticEcgClass.Normal], r => Assert.InRange(StShift(r.Example), 0, 0.03));
        Assert.All(CleanSet.Value[SyntheticEcgClass.StChange], r => Assert.InRange(StShift(r.Example), 0.08, 2));
    }

    [Theory]
    [InlineData(50f)]
    [InlineData(60f)]
    public void Generate_MainsHumPeaksAtMainsFrequency(float mainsFrequency)
    {
        var clean = new SyntheticEcgGenerator(OneLead()).Generate(0).Example;
        var humming = new SyntheticEcgGenerator(OneLead(mains: 0.05f, mainsFrequency: mainsFrequency)).Generate(0).Example;

        double peak = EcgMeasurements.Amplitude(humming, 0, mainsFrequency);
        Assert.True(peak > 10 * EcgMeasurements.Amplitude(clean, 0, mainsFrequency), $"{mainsFrequency} Hz: {peak:F4} mV with hum");
        Assert.True(peak > 10 * EcgMeasurements.Amplitude(humming, 0, mainsFrequency - 5), "the hum is a narrow peak");
        Assert.True(peak > 10 * EcgMeasurements.Amplitude(humming, 0, mainsFrequency + 5), "the hum is a narrow peak");
    }

    [Fact]
    public void Generate_ChangesOnlyTheNoise_WhenNoiseLevelsChange()
    {
        var clean = new SyntheticEcgGenerator(OneLead()).Generate(0);
        var wander = new SyntheticEcgGenerator(OneLead(wander: 0.2f)).Generate(0);
        var muscle = new SyntheticEcgGenerator(OneLead(muscle: 0.05f)).Generate(0);

        Assert.Equal(clean.Beats, wander.Beats);
        Assert.Equal(clean.Beats, muscle.Beats);
        float[] wanderOnly = wander.Example.Signal.Zip(clean.Example.Signal, (a, b) => a - b).ToArray();
        float[] muscleOnly = muscle.Example.Signal.Zip(clean.Example.Signal, (a, b) => a - b).ToArray();

        // Baseline wander is slow (below 0.5 Hz): large, yet it barely moves between samples.
        Assert.True(Rms(wanderOnly) > 0.02, $"wander RMS {Rms(wanderOnly):F4}");
        Assert.True(wanderOnly.Zip(wanderOnly.Skip(1), (a, b) => Math.Abs(b - a)).Max() < 0.002);
        // Muscle noise is broadband: successive samples are uncorrelated.
        Assert.True(Rms(muscleOnly) > 0.005, $"muscle RMS {Rms(muscleOnly):F4}");
        double lagOne = muscleOnly.Zip(muscleOnly.Skip(1), (a, b) => (double)a * b).Sum() / muscleOnly.Sum(v => (double)v * v);
        Assert.InRange(lagOne, -0.1, 0.1);
    }

    [Fact]
    public void GenerateAll_FlipsExactFractionOfLabels_AndRecordsWhich()
    {
        var options = new SyntheticEcgOptions { ExamplesPerClass = 10, LabelNoiseFraction = 0.1f, DurationSeconds = 2, LeadNames = ["I"], Seed = 5 };
        var generator = new SyntheticEcgGenerator(options);
        var records = generator.GenerateAll().ToList();
        var flipped = records.Where(r => r.IsLabelFlipped).ToList();

        Assert.Equal(5, flipped.Count);
        Assert.Equal(flipped.Select(r => r.Index), generator.FlippedIndices);
        Assert.All(flipped, r => Assert.NotEqual(r.TrueLabel, r.Example.Label));
        Assert.All(records.Where(r => !r.IsLabelFlipped), r => Assert.Equal(r.TrueLabel, r.Example.Label));
        Assert.All(flipped, r => Assert.Contains(r.Example.Label, generator.Labels));
        Assert.Equal(generator.FlippedIndices, new SyntheticEcgGenerator(options).FlippedIndices);
    }

    [Theory]
    [InlineData(nameof(SyntheticEcgOptions.SamplingRate))]
    [InlineData(nameof(SyntheticEcgOptions.DurationSeconds))]
    [InlineData(nameof(SyntheticEcgOptions.ExamplesPerClass))]
    [InlineData(nameof(SyntheticEcgOptions.MainsFrequency))]
    [InlineData(nameof(SyntheticEcgOptions.LabelNoiseFraction))]
    [InlineData(nameof(SyntheticEcgOptions.MuscleNoise))]
    public void Constructor_ThrowsNamingTheOption_WhenOutOfRange(string option)
    {
        var options = new SyntheticEcgOptions();
        switch (option)
        {
            case nameof(SyntheticEcgOptions.SamplingRate): options.SamplingRate = 10; break;
            case nameof(SyntheticEcgOptions.DurationSeconds): options.DurationSeconds = 0; break;
            case nameof(SyntheticEcgOptions.ExamplesPerClass): options.ExamplesPerClass = 0; break;
            case nameof(SyntheticEcgOptions.MainsFrequency): options.MainsFrequency = 0; break;
            case nameof(SyntheticEcgOptions.LabelNoiseFraction): options.LabelNoiseFraction = 1; break;
            case nameof(SyntheticEcgOptions.MuscleNoise): options.MuscleNoise = -0.1f; break;
        }

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new SyntheticEcgGenerator(options));
        Assert.Equal(option, error.ParamName);
    }

    [Fact]
    public void Constructor_ThrowsNamingTheLead_WhenLeadIsUnknown()
    {
        var error = Assert.Throws<ArgumentException>(() => new SyntheticEcgGenerator(new SyntheticEcgOptions { LeadNames = ["II", "V7"] }));
        Assert.Equal(nameof(SyntheticEcgOptions.LeadNames), error.ParamName);
        Assert.Contains("'V7'", error.Message);
    }

    [Fact]
    public void Constructor_Throws_WhenLabelNoiseHasOneClass()
    {
        var options = new SyntheticEcgOptions { Classes = [SyntheticEcgClass.Normal], LabelNoiseFraction = 0.2f };
        Assert.Throws<ArgumentException>(() => new SyntheticEcgGenerator(options));
    }

    private static double Rms(float[] values) => Math.Sqrt(values.Average(v => (double)v * v));
}
