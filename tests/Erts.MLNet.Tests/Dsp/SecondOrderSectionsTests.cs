using Erts.MLNet.Dsp;

namespace Erts.MLNet.Tests.Dsp;

public class SecondOrderSectionsTests
{
    [Fact]
    public void PadLength_IsFiltfiltDefault_ForOddOrder()
    {
        // A third-order high-pass is one first-order and one second-order section: len(a) = 4, so 3 * 4 = 12.
        var filter = FilterDesign.Butterworth(3, 0.5, null, 360);

        Assert.Equal((2, 3, 12), (filter.SectionCount, filter.Order, filter.PadLength));
    }

    [Fact]
    public void FilterZeroPhase_KeepsConstant_WhenFilterIsLowPass()
    {
        var filter = FilterDesign.Butterworth(4, null, 40, 360);
        var input = Enumerable.Repeat(-1.25f, 500).ToArray();
        var output = new float[input.Length];

        filter.FilterZeroPhase(input, output);

        Assert.All(output, v => Assert.Equal(-1.25f, v, 1e-5f));
    }

    [Fact]
    public void FilterZeroPhase_WorksInPlace()
    {
        var filter = FilterDesign.Notch(50, 30, 360);
        var signal = Enumerable.Range(0, 400).Select(i => MathF.Sin(i * 0.3f)).ToArray();
        var expected = new float[signal.Length];
        filter.FilterZeroPhase(signal, expected);

        filter.FilterZeroPhase(signal, signal);

        Assert.Equal(expected, signal);
    }

    [Fact]
    public void FilterZeroPhase_Throws_WhenSignalIsNotLongerThanPadding()
    {
        var filter = FilterDesign.Butterworth(2, 0.5, 40, 360);   // order 4: pads 15 samples

        var error = Assert.Throws<ArgumentException>(() => filter.FilterZeroPhase(new float[15], new float[15]));
        Assert.Contains("more than 15 samples", error.Message);
    }
}
