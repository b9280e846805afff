using Erts.MLNet.Catalog;
using Erts.MLNet.Data;
using Erts.MLNet.Data.DataViews;
using Erts.MLNet.Transforms;
using Microsoft.ML;

namespace Erts.MLNet.Tests.Transforms;

public class LeadNormalizingEstimatorTests
{
    private readonly MLContext _mlContext = new(seed: 1);

    [Fact]
    public void Fit_ZScoresEachRecordAndLead_WhenScopeIsPerRecord()
    {
        var data = EcgTestData.View(_mlContext, [new EcgTestData.Row { Signal = [1, 2, 3, 10, 10, 10] }], 2, 3, 360, ["I", "II"]);

        var output = _mlContext.Transforms.Ecg.NormalizeLeads().Fit(data).Transform(data);

        float z = (float)(1 / (Math.Sqrt(2.0 / 3) + 1e-8));
        Assert.Equal(new[] { -z, 0, z, 0, 0, 0 }, EcgTestData.Signals(output)[0], new ToleranceComparer(1e-6f));
    }

    [Fact]
    public void Fit_ComputesPerLeadStatistics_WhenScopeIsDataset()
    {
        var data = EcgTestData.View(_mlContext,
            [new EcgTestData.Row { Signal = [0, 2, 5, 5] }, new EcgTestData.Row { Signal = [4, 6, 5, 5] }], 2, 2, 360, ["I", "II"]);

        var transformer = _mlContext.Transforms.Ecg.NormalizeLeads(LeadNormalizationScope.Dataset, epsilon: 0).Fit(data);

        Assert.Equal(new[] { 3f, 5f }, transformer.Means);
        Assert.Equal(new[] { (float)Math.Sqrt(5), 0f }, transformer.StandardDeviations);
        Assert.Equal((float)(-3 / Math.Sqrt(5)), EcgTestData.Signals(transformer.Transform(data))[0][0], 1e-6f);
    }

    [Fact]
    public void Transform_Throws_WhenLeadCountDiffersFromFit()
    {
        var fitted = _mlContext.Transforms.Ecg.NormalizeLeads(LeadNormalizationScope.Dataset).Fit(EcgTestData.Ramp(_mlContext, 2, 4));

        var error = Assert.Throws<SignalColumnException>(() => fitted.Transform(EcgTestData.Ramp(_mlContext, 3, 4)));
        Assert.Contains("the 2 leads the statistics were fitted on", error.Message);
    }

    private sealed class ToleranceComparer(float tolerance) : IEqualityComparer<float>
    {
        public bool Equals(float x, float y) => Math.Abs(x - y) <= tolerance;
        public int GetHashCode(float obj) => 0;
    }

    [Fact]
    public void Fit_ZScoresTheRecordOnly_AndLeavesPaddingZero_WhenRowsHaveSignalLength()
    {
        // Record [1, 2, 3] and [10, 10, 10] in a view of 5 samples per lead: the padding must not pull the moments.
        var view = EcgDataView.FromList([
            new EcgExample("long", null, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 2, 360, "x", ["I", "II"]),
            new EcgExample("short", null, [1, 2, 3, 10, 10, 10], 2, 360, "x", ["I", "II"])]);

        var output = _mlContext.Transforms.Ecg.NormalizeLeads().Fit(view).Transform(view);

        float z = (float)(1 / (Math.Sqrt(2.0 / 3) + 1e-8));
        Assert.Equal(new[] { -z, 0, z, 0, 0, 0, 0, 0, 0, 0 }, EcgTestData.Signals(output)[1], new ToleranceComparer(1e-6f));
        Assert.Equal([5, 3], EcgTestData.Lengths(output));
    }

    [Fact]
    public void Fit_ComputesDatasetStatisticsOverRecordsOnly_WhenRowsHaveSignalLength()
    {
        // Lead I holds 0, 2 | 4, 6, 8: mean 4, variance 8; padding zeros would give mean 3.33.
        var view = EcgDataView.FromList([
            new EcgExample("a", null, [0, 2, 5, 5], 2, 360, "x", ["I", "II"]),
            new EcgExample("b", null, [4, 6, 8, 5, 5, 5], 2, 360, "x", ["I", "II"])]);

        var transformer = _mlContext.Transforms.Ecg.NormalizeLeads(LeadNormalizationScope.Dataset, epsilon: 0).Fit(view);

        Assert.Equal(new[] { 4f, 5f }, transformer.Means);
        Assert.Equal(new[] { (float)Math.Sqrt(8), 0f }, transformer.StandardDeviations);
        var row = EcgTestData.Signals(transformer.Transform(view))[0];   // row a: lead I 0, 2, padding; lead II 5, 5, padding
        Assert.Equal((float)(-4 / Math.Sqrt(8)), row[0], 1e-6f);
        Assert.Equal((0f, 0f), (row[2], row[5]));
    }
}
