using Erts.MLNet.Dsp;

namespace Erts.MLNet.Tests.Dsp;

public class PolyphaseResamplerTests
{
    [Theory]
    [InlineData("resample_360_to_250")]
    [InlineData("resample_500_to_100")]
    [InlineData("resample_300_to_100")]
    [InlineData("resample_100_to_250")]
    public void Process_MatchesScipyResamplePoly_ForEcgRates(string fixtureName)
    {
        var fixture = ScipyFixture.Load(fixtureName);
        var resampler = PolyphaseResampler.ForRates(fixture.Number("sourceRate"), fixture.Number("targetRate"));
        var output = new float[resampler.OutputLength(fixture.Input.Length)];

        resampler.Process(fixture.Input, output);

        fixture.AssertMatches(output);
    }

    [Theory]
    [InlineData(360, 250, 25, 36)]
    [InlineData(500, 100, 1, 5)]
    [InlineData(128, 360, 45, 16)]
    [InlineData(250.5, 501, 2, 1)]
    public void ForRates_ReducesFactor_ForRatePairs(double source, double target, int up, int down)
    {
        var resampler = PolyphaseResampler.ForRates(source, target);

        Assert.Equal((up, down), (resampler.Up, resampler.Down));
    }

    [Theory]
    [InlineData(1000, 25, 36, 695)]   // ceil(1000 * 25 / 36) as in resample_poly
    [InlineData(1000, 1, 5, 200)]
    [InlineData(7, 5, 2, 18)]
    public void OutputLength_RoundsUp_AsScipy(int input, int up, int down, int expected)
    {
        Assert.Equal(expected, new PolyphaseResampler(up, down).OutputLength(input));
    }

    [Fact]
    public void Process_KeepsConstantInInterior_WhenSignalIsConstant()
    {
        var resampler = new PolyphaseResampler(25, 36);
        var input = Enumerable.Repeat(2.5f, 3600).ToArray();
        var output = new float[resampler.OutputLength(input.Length)];

        resampler.Process(input, output);

        // The Kaiser (beta 5) filter's phases sum to 1 only within its stop-band ripple; SciPy gives 2.49973 to 2.50032.
        Assert.All(output[300..^300], v => Assert.Equal(2.5f, v, 5e-4f));
    }

    [Fact]
    public void ForRates_Throws_WhenFactorIsImpractical()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => PolyphaseResampler.ForRates(360, 250.001));
        Assert.Contains("250.001", error.Message);
    }
}
