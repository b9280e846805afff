using Erts.Cli.Reports;
using Erts.Cli.Tests.Infrastructure;

namespace Erts.Cli.Tests.Reports;

public class MetricsCsvTests
{
    [Fact]
    public void EpochTable_WritesOneRowPerEpoch_WithInvariantNumbersAndCumulativeSeconds()
    {
        var training = SampleReports.Training("erts-dbpd", epochs: 3);

        string[] lines = MetricsCsv.EpochTable([new RunResult("erts, seed 1", training, null)]).TrimEnd().Split('\n');

        Assert.Equal(4, lines.Length);
        string[] first = lines[1].TrimEnd('\r').Split(',');
        Assert.Equal("\"erts", first[0]);   // the comma in the run name is quoted
        double expectedSeconds = training.Epochs[0].TotalSeconds + training.Epochs[1].TotalSeconds;
        Assert.EndsWith(expectedSeconds.ToString("R", System.Globalization.CultureInfo.InvariantCulture), lines[2].TrimEnd('\r'));
    }

    [Fact]
    public void EpochTable_LeavesNaNCellsEmpty()
    {
        var training = SampleReports.Training("full", epochs: 1);
        var epoch = training.Epochs[0] with { ValidationMacroF1 = double.NaN };
        var run = new RunResult("full", new Erts.MLNet.Training.TrainingReport
        {
            Policy = "full", Network = training.Network, TrainingSetSize = 1, ValidationSetSize = 0, Threads = 1, Seed = 1,
            Epochs = [epoch], BestEpoch = 0, WallClockSeconds = 1,
        }, null);

        string row = MetricsCsv.EpochTable([run]).Split('\n')[1];

        int column = Array.IndexOf(MetricsCsv.EpochColumns, "validation_macro_f1");
        Assert.Equal("", row.Split(',')[column]);
    }

    [Fact]
    public void TestTable_EndsEachRunWithAMacroRow()
    {
        string[] lines = MetricsCsv.TestTable([new RunResult("m", null, SampleReports.Test())]).TrimEnd().Split('\n');

        Assert.Equal("run,class,f1,support,accuracy", lines[0].TrimEnd('\r'));
        Assert.StartsWith("m,macro,", lines[^1]);
    }
}
