using Erts.MLNet.Explainability;
using static TorchSharp.torch;

namespace Erts.MLNet.Tests.Explainability;

public class FocusScoreTests
{
    private const int Length = 125; // top-k then averages k = 12 values.

    [Theory]
    [InlineData(1, 1)]
    [InlineData(9, 1)]
    [InlineData(19, 1)]
    [InlineData(20, 2)]
    [InlineData(125, 12)]
    public void TopCount_IsTenthOfLengthAtLeastOne(int length, int expected) =>
        Assert.Equal(expected, FocusScore.TopCount(length));

    [Fact]
    public void Compute_ReturnsZero_ForFlatProfile() =>
        Assert.Equal(0f, FocusScore.Compute(Enumerable.Repeat(0.7f, Length).ToArray()));

    [Fact]
    public void Compute_ReturnsZero_ForAllZeroProfile() => Assert.Equal(0f, FocusScore.Compute(new float[Length]));

    [Fact]
    public void Compute_ReturnsOneOverTopCount_ForLoneSpike()
    {
        // By definition a lone spike normalises to 1 at one point and 0 elsewhere, so the top-k mean is 1/k:
        // low, but not zero. The method does not special-case it.
        var profile = new float[Length];
        profile[40] = 3f;
        Assert.Equal(1f / 12, FocusScore.Compute(profile), 6);
    }

    [Theory]
    [InlineData(0.10)]
    [InlineData(0.15)]
    [InlineData(0.20)]
    public void Compute_ReturnsNearOne_ForCompactPlateauOnWeakBackground(double width)
    {
        var random = new Random(7);
        var profile = Enumerable.Range(0, Length).Select(_ => (float)random.NextDouble() * 0.05f).ToArray();
        int plateau = (int)Math.Round(width * Length);
        for (int t = 50; t < 50 + plateau; t++) profile[t] = 1f;

        float focus = FocusScore.Compute(profile);

        Assert.InRange(focus, 0.99f, 1f);
        Assert.True(focus > 5 * FocusScore.Compute(Spike()), "a plateau is far more focused than a lone spike");
    }

    [Fact]
    public void Compute_StaysWithinUnitInterval_ForRandomProfiles()
    {
        var random = new Random(3);
        for (int i = 0; i < 50; i++)
        {
            var profile = Enumerable.Range(0, 1 + random.Next(300)).Select(_ => (float)(random.NextDouble() * 10 - 5)).ToArray();
            Assert.InRange(FocusScore.Compute(profile), 0f, 1f);
        }
    }

    [Fact]
    public void Compute_TensorMatchesSpan_PerSample()
    {
        manual_seed(5);
        using var scope = NewDisposeScope();
        var profiles = rand(6, Length).relu();
        profiles[1].zero_();                 // all zero
        profiles[2].fill_(0.3f);             // flat
        profiles[3].copy_(tensor(Spike()));  // lone spike

        var scores = FocusScore.Compute(profiles).data<float>().ToArray();

        Assert.Equal(6, scores.Length);
        for (int i = 0; i < 6; i++)
            Assert.Equal(FocusScore.Compute(profiles[i].data<float>().ToArray()), scores[i], 5);
        Assert.Equal(0f, scores[1]);
        Assert.Equal(0f, scores[2]);
    }

    [Fact]
    public void Compute_Throws_ForOneDimensionalTensor()
    {
        using var profile = zeros(Length);
        Assert.Throws<ArgumentException>(() => FocusScore.Compute(profile));
    }

    [Fact]
    public void Compute_Throws_ForEmptySpan() =>
        Assert.Throws<ArgumentException>(() => FocusScore.Compute(ReadOnlySpan<float>.Empty));

    private static float[] Spike()
    {
        var profile = new float[Length];
        profile[40] = 1f;
        return profile;
    }
}
