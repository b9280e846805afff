using Erts.MLNet.Catalog;
using Erts.MLNet.Dsp;
using Erts.MLNet.Transforms;
using Microsoft.ML;

namespace Erts.MLNet.Tests.Transforms;

public class ResampleTransformerTests
{
    private readonly MLContext _mlContext = new(seed: 1);

    [Fact]
    public void Transform_ChangesLengthAndRate_From360To250()
    {
        var data = EcgTestData.Synthetic(_mlContext, rows: 2, length: 720);

        var output = _mlContext.Transforms.Ecg.Resample(250).Fit(data).Transform(data);

        Assert.Equal((3, 500, 250f, EcgTestData.ThreeLeadNames), EcgTestData.Shape(output.Schema));
        var input = EcgTestData.Signals(data)[1];
        var expected = new float[500];
        new PolyphaseResampler(25, 36).Process(input.AsSpan(720, 720), expected);   // lead II of row 1
        Assert.Equal(expected, EcgTestData.Signals(output)[1][500..1000]);
    }

    [Fact]
    public void GetOutputSchema_Throws_WhenSamplingRateAnnotationIsMissing()
    {
        var data = EcgTestData.Ramp(_mlContext, 2, 100, samplingRate: null);

        var error = Assert.Throws<SignalColumnException>(() => _mlContext.Transforms.Ecg.Resample(250).Fit(data));
        Assert.Contains("SamplingRate", error.Message);
        Assert.Equal("Signal", error.ColumnName);
    }

    [Fact]
    public void GetOutputSchema_Throws_WhenColumnIsNotTwoDimensional()
    {
        var rows = new[] { new EcgTestData.Row { Signal = new float[200] } };
        var definition = Microsoft.ML.Data.SchemaDefinition.Create(typeof(EcgTestData.Row));
        definition["Signal"].ColumnType = new Microsoft.ML.Data.VectorDataViewType(Microsoft.ML.Data.NumberDataViewType.Single, 200);
        var data = _mlContext.Data.LoadFromEnumerable(rows, definition);

        var error = Assert.Throws<SignalColumnException>(() => _mlContext.Transforms.Ecg.Resample(250).Fit(data));
        Assert.Contains("two dimensions (leads, samples)", error.Message);
    }

    [Fact]
    public void GetOutputSchema_Throws_WhenColumnIsMissing()
    {
        var data = EcgTestData.Ramp(_mlContext, 2, 100);

        var error = Assert.Throws<SignalColumnException>(() => _mlContext.Transforms.Ecg.Resample(250, inputColumnName: "Ecg").Fit(data));
        Assert.Contains("'Ecg' not found", error.Message);
    }
}
