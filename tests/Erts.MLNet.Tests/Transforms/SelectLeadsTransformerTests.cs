using Erts.MLNet.Catalog;
using Erts.MLNet.Transforms;
using Microsoft.ML;

namespace Erts.MLNet.Tests.Transforms;

public class SelectLeadsTransformerTests
{
    private readonly MLContext _mlContext = new(seed: 1);

    [Fact]
    public void Transform_ReordersLeadsAndNames_ByName()
    {
        var data = EcgTestData.Ramp(_mlContext, 3, 2);

        var output = _mlContext.Transforms.Ecg.SelectLeads(["v1", "I"]).Fit(data).Transform(data);

        Assert.Equal(new float[] { 200, 201, 0, 1 }, EcgTestData.Signals(output)[0]);
        Assert.Equal((2, 2, 360f, "V1,I"), EcgTestData.Shape(output.Schema));
    }

    [Fact]
    public void GetOutputSchema_Throws_WhenLeadIsMissing()
    {
        var data = EcgTestData.Ramp(_mlContext, 3, 2);

        var error = Assert.Throws<SignalColumnException>(() => _mlContext.Transforms.Ecg.SelectLeads(["II", "aVR"]).Fit(data));
        Assert.Contains("no lead 'aVR'", error.Message);
        Assert.Contains("I, II, V1", error.Message);
    }

    [Fact]
    public void SelectLeads_Throws_WhenLeadIsRepeated()
    {
        Assert.Throws<ArgumentException>(() => _mlContext.Transforms.Ecg.SelectLeads(["II", "ii"]));
    }
}
