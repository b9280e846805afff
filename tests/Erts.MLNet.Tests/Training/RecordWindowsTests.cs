using Erts.MLNet.Training;

namespace Erts.MLNet.Tests.Training;

public class RecordWindowsTests
{
    [Theory]
    [InlineData(1000, 1000, 500, new[] { 0 })]
    [InlineData(600, 1000, 500, new[] { 0 })]
    [InlineData(2000, 1000, 500, new[] { 0, 500, 1000 })]
    [InlineData(2300, 1000, 500, new[] { 0, 500, 1000, 1300 })]
    [InlineData(1001, 1000, 500, new[] { 0, 1 })]
    public void Starts_CoverTheRecord_EndingAtItsEnd(int length, int window, int stride, int[] expected) =>
        Assert.Equal(expected, RecordWindows.Starts(length, window, stride));

    [Fact]
    public void Copy_TakesEachLeadsWindow_AndZeroFillsPastTheRecord()
    {
        // 2 leads x 10 samples, record length 7: lead 0 holds 0..6, lead 1 holds 100..106, then padding.
        var row = new float[20];
        for (int t = 0; t < 7; t++) (row[t], row[10 + t]) = (t, 100 + t);
        var window = new float[2 * 4];

        RecordWindows.Copy(row, leads: 2, samples: 10, length: 7, start: 5, shift: 0, window);

        Assert.Equal(new float[] { 5, 6, 0, 0, 105, 106, 0, 0 }, window);
    }

    [Fact]
    public void Copy_ShiftsTheRecordWithinTheWindow()
    {
        var row = new float[] { 1, 2, 3, 4 };
        var right = new float[4];
        var left = new float[4];

        RecordWindows.Copy(row, 1, 4, 4, start: 0, shift: 1, right);
        RecordWindows.Copy(row, 1, 4, 4, start: 0, shift: -2, left);

        Assert.Equal(new float[] { 0, 1, 2, 3 }, right);
        Assert.Equal(new float[] { 3, 4, 0, 0 }, left);
    }
}
