using Erts.MLNet.Catalog;
using Erts.MLNet.Dsp;
using Erts.MLNet.Transforms;
using Microsoft.ML;

namespace Erts.MLNet.Tests.Transforms;

public class ZeroPhaseFilterTransformerTests
{
    private readonly MLContext _mlContext = new(seed: 1);

    [Fact]
    public void BandPass_FiltersEachLeadAsDsp_WithColumnRate()
    {
        var data = EcgTestData.Synthetic(_mlContext, rows: 1);

        var output = _mlContext.Transforms.Ecg.BandPass(0.5, 40, order: 3).Fit(data).Transform(data);

        var input = EcgTestData.Signals(data)[0];
        var expected = new float[720];
        FilterDesign.Butterworth(3, 0.5, 40, 360).FilterZeroPhase(input.AsSpan(1440, 720), expected);   // lead V1
        Assert.Equal(expected, EcgTestData.Signals(output)[0][1440..]);
        Assert.Equal((3, 720, 360f, EcgTestData.ThreeLeadNames), EcgTestData.Shape(output.Schema));
    }

    [Fact]
    public void Notch_RemovesMainsHum_AtFiftyHertz()
    {
        var data = EcgTestData.Synthetic(_mlContext, rows: 1);

        var output = _mlContext.Transforms.Ecg.Notch(50).Fit(data).Transform(data);

        // Every lead carries 0.1 sin(2 pi 50 t); measure the 50 Hz amplitude away from the edges.
        Assert.Equal(0.1, FiftyHertzAmplitude(EcgTestData.Signals(data)[0]), 0.01);
        Assert.True(FiftyHertzAmplitude(EcgTestData.Signals(output)[0]) < 0.005);
    }

    [Fact]
    public void GetOutputSchema_Throws_WhenCutoffIsAboveNyquist()
    {
        var data = EcgTestData.Synthetic(_mlContext, rows: 1, samplingRate: 100);

        var error = Assert.Throws<SignalColumnException>(() => _mlContext.Transforms.Ecg.BandPass(0.5, 60).Fit(data));
        Assert.Contains("Nyquist", error.Message);
    }

    [Fact]
    public void GetOutputSchema_Throws_WhenSignalIsShorterThanPadding()
    {
        var data = EcgTestData.Ramp(_mlContext, 1, 10);

        var error = Assert.Throws<SignalColumnException>(() => _mlContext.Transforms.Ecg.BandPass().Fit(data));
        Assert.Contains("more than 15 samples", error.Message);
    }

    private static double FiftyHertzAmplitude(float[] signal)
    {
        double sine = 0, cosine = 0;
        for (int i = 180; i < 540; i++)   // one second of lead I, a whole number of 50 Hz periods
        {
            sine += signal[i] * Math.Sin(2 * Math.PI * 50 * i / 360.0);
            cosine += signal[i] * Math.Cos(2 * Math.PI * 50 * i / 360.0);
        }
        return 2 * Math.Sqrt(sine * sine + cosine * cosine) / 360;
    }
}
