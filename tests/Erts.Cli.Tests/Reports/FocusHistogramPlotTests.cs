using Erts.Cli.Reports;
using Erts.Cli.Tests.Infrastructure;
using Erts.MLNet.Training;

namespace Erts.Cli.Tests.Reports;

public class FocusHistogramPlotTests
{
    [Fact]
    public void Histogram_PutsFocusOfOneInTheLastBin()
    {
        var observations = new[] { 0f, 0.049f, 0.05f, 0.99f, 1f }.Select(f => new FocusObservation(0, 0, 0.1f, f, true));

        int[] counts = FocusHistogramPlot.Histogram(observations);

        Assert.Equal(FocusHistogramPlot.Bins, counts.Length);
        Assert.Equal(2, counts[0]);
        Assert.Equal(1, counts[1]);
        Assert.Equal(2, counts[^1]);
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
