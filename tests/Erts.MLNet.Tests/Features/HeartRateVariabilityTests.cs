using Erts.MLNet.Features;

namespace Erts.MLNet.Tests.Features;

public class HeartRateVariabilityTests
{
    [Fact]
    public void Of_GivesNoVariability_ForRegularRhythm()
    {
        var hrv = HeartRateVariability.Of([1.0, 1.0, 1.0, 1.0, 1.0]);
        Assert.Equal((5, 1.0, 1.0, 1.0, 1.0), (hrv.Count, hrv.Mean, hrv.Median, hrv.Minimum, hrv.Maximum));
        Assert.Equal(0, hrv.Sdnn, 12);
        Assert.Equal(0, hrv.Rmssd, 12);
        Assert.Equal(0, hrv.Pnn50, 12);
        Assert.Equal(0, hrv.IrregularFraction, 12);
    }

    [Fact]
    public void Of_MatchesHandComputedValues()
    {
        // Successive differences 0.1, 0.2, 0.04: RMSSD = sqrt((0.01 + 0.04 + 0.0016) / 3); two exceed 50 ms.
        double[] rr = [0.8, 0.9, 0.7, 0.74];
        var hrv = HeartRateVariability.Of(rr);
        double mean = rr.Average(), sdnn = Math.Sqrt(rr.Sum(x => (x - mean) * (x - mean)) / 3);
        Assert.Equal(mean, hrv.Mean, 12);
        Assert.Equal(0.77, hrv.Median, 12);
        Assert.Equal(sdnn, hrv.Sdnn, 12);
        Assert.Equal(Math.Sqrt((0.01 + 0.04 + 0.0016) / 3), hrv.Rmssd, 9);
        Assert.Equal(2.0 / 3, hrv.Pnn50, 12);
        Assert.Equal(sdnn / mean, hrv.CoefficientOfVariation, 12);
    }

    [Fact]
    public void Of_GivesNaN_WhereTooShort()
    {
        var hrv = HeartRateVariability.Of([0.9]);
        Assert.Equal(0.9, hrv.Mean);
        Assert.True(double.IsNaN(hrv.Sdnn) && double.IsNaN(hrv.Rmssd) && double.IsNaN(hrv.Pnn50) && double.IsNaN(hrv.SampleEntropy));
    }

    [Fact]
    public void SampleEntropy_IsLowerForPeriodicThanForRandomSeries()
    {
        var random = new Random(3);
        double[] periodic = Enumerable.Range(0, 60).Select(i => i % 3 == 0 ? 0.6 : 0.9).ToArray();
        double[] irregular = Enumerable.Range(0, 60).Select(_ => 0.5 + random.NextDouble()).ToArray();
        double periodicEntropy = HeartRateVariability.SampleEntropyOf(periodic, 2, 0.05);
        double irregularEntropy = HeartRateVariability.SampleEntropyOf(irregular, 2, 0.2 * 0.29);
        Assert.Equal(0, periodicEntropy, 12);
        Assert.True(irregularEntropy > 1, $"sample entropy of uniform noise {irregularEntropy}");
    }
}
