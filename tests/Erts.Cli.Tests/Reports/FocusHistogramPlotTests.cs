using Erts.Cli.Reports;
using Erts.Cli.Tests.Infrastructure;
using Erts.MLNet.Training;

namespace Erts.Cli.Tests.Reports;

public class FocusHistogramPlotTests
{
    [Fact]
    public void Histogram_PutsFocusOfOneInTheLastBin()
    {
        var tally = new FocusTally(epoch: 0, flaggedRows: null);
        foreach (float focus in new[] { 0f, 0.049f, 0.05f, 0.99f, 1f }) tally.Add(0, kept: true, 0.1f, focus, 0);
        var later = new FocusTally(epoch: 1, flaggedRows: null);
        later.Add(0, kept: true, 0.1f, 0.07f, 0);

        long[] counts = FocusHistogramPlot.Histogram(tally.Histograms.Concat(later.Histograms));

        Assert.Equal(FocusHistogramPlot.Bins, counts.Length);
        Assert.Equal(2, counts[0]);
        Assert.Equal(2, counts[1]); // 0.05 and, from the second epoch, 0.07
        Assert.Equal(2, counts[^1]);
        Assert.Equal(6, counts.Sum());
    }

    [Fact]
    public void Render_DrawsOnlyRunsWithObservations()
    {
        var runs = new[]
        {
            new RunResult("full", SampleReports.Training("full"), null),
            new RunResult("erts", SampleReports.Training("erts-dbpd"), null),
        };

        var images = FocusHistogramPlot.Render(runs);

        Assert.Equal(["focus-erts.png"], images.Select(i => i.FileName));
    }
}
