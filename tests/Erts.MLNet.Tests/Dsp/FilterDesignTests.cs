using Erts.MLNet.Dsp;

namespace Erts.MLNet.Tests.Dsp;

public class FilterDesignTests
{
    [Theory]
    [InlineData("bandpass_360_0.5_40_order2")]
    [InlineData("bandpass_500_0.5_40_order4")]
    [InlineData("highpass_360_0.5_order3")]
    [InlineData("lowpass_250_40_order5")]
    public void Butterworth_MatchesScipyButterFiltfilt_ForEcgBands(string fixtureName)
    {
        var fixture = ScipyFixture.Load(fixtureName);
        var filter = FilterDesign.Butterworth((int)fixture.Number("order"), fixture.OptionalNumber("lowCutoff"),
            fixture.OptionalNumber("highCutoff"), fixture.Number("samplingRate"));
        var output = new float[fixture.Input.Length];

        filter.FilterZeroPhase(fixture.Input, output);

        fixture.AssertMatches(output);
    }

    [Theory]
    [InlineData("notch_360_50_q30")]
    [InlineData("notch_500_60_q30")]
    public void Notch_MatchesScipyIirnotchFiltfilt_ForMainsFrequencies(string fixtureName)
    {
        var fixture = ScipyFixture.Load(fixtureName);
        var filter = FilterDesign.Notch(fixture.Number("frequency"), fixture.Number("quality"), fixture.Number("samplingRate"));
        var output = new float[fixture.Input.Length];

        filter.FilterZeroPhase(fixture.Input, output);

        fixture.AssertMatches(output);
    }

    [Fact]
    public void Butterworth_HasScipySections_ForBandPass()
    {
        // scipy.signal.butter(2, [0.5, 40], 'bandpass', fs=360, output='sos'), first section (carries the gain).
        var filter = FilterDesign.Butterworth(2, 0.5, 40, 360);

        Assert.Equal(4, filter.Order);
        Assert.Equal(0.07876235329493358, filter.Section(0).B0, 1e-12);
        Assert.Equal(1, filter.Magnitude(2 * Math.Atan(Math.Sqrt(Math.Tan(Math.PI * 0.5 / 360) * Math.Tan(Math.PI * 40 / 360)))), 1e-12);
    }

    [Theory]
    [InlineData(0.0, 40.0)]
    [InlineData(0.5, 180.0)]
    [InlineData(40.0, 0.5)]
    public void Butterworth_Throws_WhenCutoffsAreInvalid(double low, double high)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FilterDesign.Butterworth(2, low, high, 360));
    }

    [Fact]
    public void Notch_Throws_WhenFrequencyIsAboveNyquist()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => FilterDesign.Notch(60, 30, 100));
        Assert.Contains("Nyquist", error.Message);
    }
}
