using Erts.MLNet.Training;

namespace Erts.MLNet.Tests.Training;

public class ClassBalancedWeightsTests
{
    private static int[] Histogram(params int[] counts) =>
        counts.SelectMany((count, label) => Enumerable.Repeat(label, count)).ToArray();

    [Fact]
    public void Compute_MatchesCuiEtAl_OnAKnownHistogram()
    {
        // (1 - β) / (1 - β^n), scaled to sum to 3; reference values from the formula in Python (double precision).
        var weights = ClassBalancedWeights.Compute(Histogram(100, 10, 1), classes: 3, beta: 0.9999);
        Assert.Equal(0.027158721622260334, weights[0], 1e-6);
        Assert.Equal(0.2703688739931705, weights[1], 1e-6);
        Assert.Equal(2.7024724043845696, weights[2], 1e-6);
        Assert.Equal(3.0, weights.Sum(), 1e-5);
    }

    [Fact]
    public void Compute_GivesZeroToAbsentClass_AndPresentClassesShareTheClassCount()
    {
        var weights = ClassBalancedWeights.Compute(Histogram(50, 0, 5, 45), classes: 4, beta: 0.99);
        Assert.Equal(new[] { 0.39427646576004194, 0.0, 3.1776570171547913, 0.42806651708516624 }, weights.Select(w => (double)w), new ToleranceComparer(1e-5));
    }

    [Fact]
    public void Compute_GivesEqualWeights_WhenBetaIsZero()
    {
        Assert.Equal(new[] { 1f, 1f, 1f }, ClassBalancedWeights.Compute(Histogram(7, 1, 300), 3, 0));
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(-0.5)]
    public void Compute_Throws_WhenBetaOutOfRange(double beta)
    {
        Assert.Equal("beta", Assert.Throws<ArgumentOutOfRangeException>(() => ClassBalancedWeights.Compute([0, 1], 2, beta)).ParamName);
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;
        public int GetHashCode(double value) => 0;
    }
}
