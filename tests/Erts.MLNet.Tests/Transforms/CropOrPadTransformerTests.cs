using Erts.MLNet.Catalog;
using Erts.MLNet.Data;
using Erts.MLNet.Data.DataViews;
using Erts.MLNet.Transforms;
using Microsoft.ML;

namespace Erts.MLNet.Tests.Transforms;

public class CropOrPadTransformerTests
{
    private readonly MLContext _mlContext = new(seed: 1);

    [Theory]
    [InlineData(CropMode.Start, new float[] { 0, 1, 2, 100, 101, 102 })]
    [InlineData(CropMode.Center, new float[] { 1, 2, 3, 101, 102, 103 })]
    public void Transform_CropsEachLead_WhenLonger(CropMode mode, float[] expected)
    {
        var data = EcgTestData.Ramp(_mlContext, 2, 5);

        var output = _mlContext.Transforms.Ecg.CropOrPad(3, mode).Fit(data).Transform(data);

        Assert.Equal(expected, EcgTestData.Signals(output)[0]);
        Assert.Equal(3, EcgTestData.Shape(output.Schema).Length);
    }

    [Theory]
    [InlineData(CropMode.Start, new float[] { 0, 1, 0, 0, 100, 101, 0, 0 })]
    [InlineData(CropMode.Center, new float[] { 0, 0, 1, 0, 0, 100, 101, 0 })]
    [InlineData(CropMode.Random, new float[] { 0, 1, 0, 0, 100, 101, 0, 0 })]
    public void Transform_PadsWithZeros_WhenShorter(CropMode mode, float[] expected)
    {
        var data = EcgTestData.Ramp(_mlContext, 2, 2);

        var output = _mlContext.Transforms.Ecg.CropOrPad(4, mode).Fit(data).Transform(data);

        Assert.Equal(expected, EcgTestData.Signals(output)[0]);
    }

    [Fact]
    public void Transform_DrawsNewWindowsEachPass_AndSameWindowsForSameSeed()
    {
        var rows = Enumerable.Range(0, 20).Select(_ => new EcgTestData.Row { Signal = Enumerable.Range(0, 100).Select(i => (float)i).ToArray() });
        var data = EcgTestData.View(_mlContext, rows, 1, 100, 360, ["II"]);
        IDataView Crop(int seed) => _mlContext.Transforms.Ecg.CropOrPad(10, CropMode.Random, seed).Fit(data).Transform(data);

        var view = Crop(seed: 7);
        var firstPass = EcgTestData.Signals(view).Select(s => s[0]).ToArray();
        var secondPass = EcgTestData.Signals(view).Select(s => s[0]).ToArray();
        var rerun = EcgTestData.Signals(Crop(seed: 7)).Select(s => s[0]).ToArray();

        Assert.True(firstPass.Distinct().Count() > 5, "windows should vary across rows");
        Assert.NotEqual(firstPass, secondPass);
        Assert.Equal(firstPass, rerun);
        Assert.All(EcgTestData.Signals(view), s => Assert.Equal(Enumerable.Range((int)s[0], 10).Select(i => (float)i), s));
    }

    [Fact]
    public void Transform_CropsOnlyTheRecord_AndPadsShorterOnesAtTheEnd_WhenRowsHaveSignalLength()
    {
        // Records of 6 and 2 samples in a view of 6: Center crops 6 to its middle 4, keeps 2 at the start (no zeros before).
        var view = EcgDataView.FromList([
            new EcgExample("long", null, [0, 1, 2, 3, 4, 5], 1, 360, "x", ["II"]),
            new EcgExample("short", null, [7, 8], 1, 360, "x", ["II"])]);

        var output = _mlContext.Transforms.Ecg.CropOrPad(4, CropMode.Center).Fit(view).Transform(view);

        Assert.Equal([[1f, 2, 3, 4], [7f, 8, 0, 0]], EcgTestData.Signals(output));
        Assert.Equal([4, 2], EcgTestData.Lengths(output));   // padding is not record
    }

    [Fact]
    public void Transform_DrawsRandomWindowsInsideTheRecord_WhenRowsHaveSignalLength()
    {
        // 20 records of 30 samples (0..29) in a view of 100: every 10-sample window must come from 0..29, never the zeros.
        var records = Enumerable.Range(0, 20)
            .Select(i => new EcgExample($"r{i}", null, Enumerable.Range(0, i == 0 ? 100 : 30).Select(v => (float)v).ToArray(), 1, 360, "x", ["II"]))
            .ToList();
        var view = EcgDataView.FromList(records);

        var output = _mlContext.Transforms.Ecg.CropOrPad(10, CropMode.Random, seed: 3).Fit(view).Transform(view);

        var windows = EcgTestData.Signals(output).Skip(1).ToArray();
        Assert.All(windows, w => Assert.Equal(Enumerable.Range((int)w[0], 10).Select(v => (float)v), w));
        Assert.All(windows, w => Assert.InRange(w[0], 0, 20));
        Assert.True(windows.Select(w => w[0]).Distinct().Count() > 5, "windows should vary across rows");
    }
}
