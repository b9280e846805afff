using Erts.MLNet.Catalog;
using Erts.MLNet.Transforms;
using Microsoft.ML;

namespace Erts.MLNet.Tests.Transforms;

public class NonFiniteTransformerTests
{
    private readonly MLContext _mlContext = new(seed: 1);

    private IDataView WithNaN() => EcgTestData.View(_mlContext,
        [new EcgTestData.Row { Signal = [1, 2, 3, 4] }, new EcgTestData.Row { Signal = [1, float.PositiveInfinity, 3, float.NaN] }],
        2, 2, 360, ["I", "II"]);

    [Fact]
    public void Transform_ReplacesNonFinite_WithGivenValue()
    {
        var data = WithNaN();

        var output = _mlContext.Transforms.Ecg.HandleNonFinite(NonFinitePolicy.Replace, -1).Fit(data).Transform(data);

        Assert.Equal(new float[] { 1, -1, 3, -1 }, EcgTestData.Signals(output)[1]);
    }

    [Fact]
    public void Transform_ThrowsNamingRowAndLead_WhenPolicyIsFail()
    {
        var data = WithNaN();
        var output = _mlContext.Transforms.Ecg.HandleNonFinite(NonFinitePolicy.Fail).Fit(data).Transform(data);

        var error = Assert.Throws<NonFiniteSignalException>(() => EcgTestData.Signals(output));
        Assert.Equal((1L, 0, 1), (error.Row, error.Lead, error.Sample));
        Assert.Contains("row 1, lead 'I' (index 0), sample 1 is Infinity", error.Message);
    }
}
