using Erts.MLNet.Data.DataViews;
using Erts.MLNet.Tests.Transforms;
using Microsoft.ML;

namespace Erts.MLNet.Tests.Data.DataViews;

public class EcgSchemaTests
{
    private readonly MLContext _mlContext = new(seed: 1);

    [Fact]
    public void ReadShape_GivesShapeCreateWasGiven()
    {
        var shape = new EcgSignalShape(2, 4, ["MLII", "V1"], 360f);

        var read = EcgSchema.ReadShape(EcgSchema.Create(shape));

        Assert.Equal((2, 4, 360f), (read.Leads, read.Samples, read.SamplingRate));
        Assert.Equal(shape.LeadNames, read.LeadNames);
    }

    [Fact]
    public void ReadShape_GivesVariableLength_WhenTheSchemaHasSignalLength()
    {
        var shape = EcgSignalShape.UpTo(1, 18300, ["ECG"], 300f);

        var read = EcgSchema.ReadShape(EcgSchema.Create(shape));

        Assert.Equal((1, 18300, true), (read.Leads, read.Samples, read.VariableLength));
        Assert.False(EcgSchema.ReadShape(EcgSchema.Create(new EcgSignalShape(1, 18300, ["ECG"], 300f))).VariableLength);
    }

    [Theory]
    [InlineData(null, "LeadNames")]
    [InlineData(new[] { "I", "II" }, "SamplingRate")]
    public void ReadShape_ThrowsNamingAnnotation_WhenAnnotationIsMissing(string[]? leadNames, string missing)
    {
        float? rate = leadNames is null ? 360f : null;
        var data = EcgTestData.View(_mlContext, [], leads: 2, length: 5, samplingRate: rate, leadNames: leadNames);

        var error = Assert.Throws<InvalidOperationException>(() => EcgSchema.ReadShape(data.Schema));

        Assert.Contains($"column 'Signal' has no '{missing}' annotation", error.Message);
    }

    [Fact]
    public void ReadShape_Throws_WhenColumnIsOneDimensional()
    {
        var data = _mlContext.Data.LoadFromEnumerable([new EcgTestData.Row { Signal = new float[10] }]);

        var error = Assert.Throws<InvalidOperationException>(() => EcgSchema.ReadShape(data.Schema));

        Assert.Contains("column 'Signal' must be a known-size vector with two dimensions", error.Message);
    }
}
