using Erts.MLNet.Data.Synthetic;
using Erts.MLNet.Features;

namespace Erts.MLNet.Tests.Features;

public class EcgFeatureExtractorTests
{
    private const double Rate = 360;

    private static Dictionary<string, float> Extract(EcgFeatureSet set, float[] lead, int? beatPosition = null)
    {
        var extractor = new EcgFeatureExtractor(set, Rate, lead.Length, beatPosition);
        var values = new float[extractor.SlotNames.Count];
        extractor.Extract(lead, values);
        return extractor.SlotNames.Zip(values).ToDictionary(p => p.First, p => p.Second);
    }

    [Fact]
    public void Extract_GivesOneSecondRr_ForRegular60BpmRhythm()
    {
        var features = Extract(EcgFeatureSet.Rhythm, TestSignals.Spikes(TestSignals.Regular(1.0, 20), 20, Rate));
        Assert.Equal(20, features["Beats.Count"]);
        Assert.Equal(1.0, features["RR.Mean"], 3);
        Assert.Equal(60, features["HeartRate.Mean"], 1);
        Assert.Equal(0, features["RR.SDNN"], 3);
        Assert.Equal(0, features["RR.RMSSD"], 3);
        Assert.Equal(0, features["RR.pNN50"]);
        Assert.Equal(1, features["Template.CorrelationMean"], 3);
    }

    [Fact]
    public void Extract_MeasuresTheCentralBeat_OfABeatWindow()
    {
        // Beats at 0.5, 1.3, 2.3 (centre), 3.5, 4.5 s: previous RR 1.0 s, next 1.2 s, local mean 1.0 s.
        double[] beats = [0.5, 1.3, 2.3, 3.5, 4.5];
        var lead = TestSignals.Spikes(beats, 4.6, Rate);
        var features = Extract(EcgFeatureSet.Beat, lead, beatPosition: (int)(2.3 * Rate));
        Assert.Equal(1.0, features["RR.Previous"], 3);
        Assert.Equal(1.2, features["RR.Next"], 3);
        Assert.Equal(1.0, features["RR.LocalAverage"], 3);
        Assert.Equal(1.2, features["RR.NextToPrevious"], 3);
        // A Gaussian R of 1 mV, sigma 10 ms: about 1 mV tall (minus the 0.5 Hz baseline filter's undershoot), 40-80 ms wide.
        Assert.InRange(features["QRS.RAmplitude"], 0.8, 1.05);
        Assert.InRange(features["QRS.Width"], 0.040, 0.080);
        Assert.Equal(features["QRS.RAmplitude"], features["Wave.R+0ms"], 1);
    }

    [Fact]
    public void Extract_GivesNaNRr_WhenTheWindowHoldsOneBeat()
    {
        var lead = TestSignals.Spikes([0.5], 1.0, Rate);
        var features = Extract(EcgFeatureSet.Beat, lead, beatPosition: (int)(0.5 * Rate));
        Assert.True(float.IsNaN(features["RR.Previous"]) && float.IsNaN(features["RR.Next"]) && float.IsNaN(features["RR.LocalAverage"]));
        Assert.False(float.IsNaN(features["QRS.Width"]));
    }

    [Fact]
    public void Extract_SeparatesIrregularFromRegularRhythm()
    {
        var records = TestSignals.SyntheticLeadII(examplesPerClass: 3,
            [SyntheticEcgClass.Normal, SyntheticEcgClass.AtrialFibrillation]);
        var irregularity = records.ToLookup(r => r.TrueLabel, r => Extract(EcgFeatureSet.Rhythm, r.Example.Signal)["RR.CoefficientOfVariation"]);
        Assert.True(irregularity["AF"].Min() > irregularity["NORM"].Max(),
            $"AF CV {string.Join(", ", irregularity["AF"])}; normal CV {string.Join(", ", irregularity["NORM"])}");
    }

    [Fact]
    public void SlotNames_AreUniqueAndNamedForEachSet()
    {
        var beat = new EcgFeatureExtractor(EcgFeatureSet.Beat, Rate, 3600).SlotNames;
        var rhythm = new EcgFeatureExtractor(EcgFeatureSet.Rhythm, Rate, 3600).SlotNames;
        Assert.Equal(beat.Count, beat.Distinct().Count());
        Assert.Equal(rhythm.Count, rhythm.Distinct().Count());
        Assert.Contains("RR.Previous", beat);
        Assert.Contains("Wave.R-100ms", beat);
        Assert.Contains("RR.SampleEntropy", rhythm);
    }

    [Theory]
    [InlineData(100, null)]
    [InlineData(3600, 3600)]
    [InlineData(3600, -1)]
    public void Constructor_Throws_ForTooShortLeadOrBeatOutside(int length, int? beatPosition) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new EcgFeatureExtractor(EcgFeatureSet.Beat, Rate, length, beatPosition));
}
