using System.Text.Json;
using Erts.Cli.Reports;
using Erts.Cli.Tests.Infrastructure;

namespace Erts.Cli.Tests.Reports;

public class ReportWriterTests
{
    [Fact]
    public void Write_CreatesEveryFileWithConsistentNumbers_ForTwoRuns()
    {
        using var folder = new TempFolder();
        var report = SampleReports.TwoRuns();

        var files = ReportWriter.Write(report, folder.Path);

        Assert.True(File.Exists(files.Html));
        Assert.True(File.Exists(files.MetricsCsv));
        Assert.True(File.Exists(files.TestMetricsCsv));
        string[] expectedPlots =
        [
            "training-loss.png", "validation-macro-f1.png", "kept-fraction.png", "f1-vs-effective-epochs.png", "f1-vs-seconds.png",
            "focus-erts-dbpd.png", "confusion-full.png", "confusion-erts-dbpd.png", "gradcam-rec-7.png",
        ];
        Assert.Equal(expectedPlots, files.Plots.Select(Path.GetFileName));
        foreach (string plot in files.Plots)
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(plot)[..4]);

        using var json = JsonDocument.Parse(File.ReadAllText(files.ResultsJson));
        var runs = json.RootElement.GetProperty("runs");
        Assert.Equal(2, runs.GetArrayLength());
        var erts = runs[1];
        var training = report.Runs[1].Training!;
        Assert.Equal("erts-dbpd", erts.GetProperty("training").GetProperty("policy").GetString());
        Assert.Equal(training.EffectiveEpochs, erts.GetProperty("training").GetProperty("effectiveEpochs").GetDouble(), 12);
        Assert.Equal(training.Epochs.Count, erts.GetProperty("training").GetProperty("perEpoch").GetArrayLength());
        Assert.Equal(report.Runs[1].Test!.MacroF1, erts.GetProperty("test").GetProperty("macroF1").GetDouble(), 12);
        Assert.Equal(18, erts.GetProperty("test").GetProperty("confusionMatrix")[0][0].GetInt32());

        string[] csv = File.ReadAllLines(files.MetricsCsv);
        Assert.Equal(1 + 2 * 8, csv.Length);
        Assert.Equal(MetricsCsv.EpochColumns, csv[0].Split(','));
    }

    [Fact]
    public void Write_EmbedsEveryFigureInTheHtml_SoThePageIsSelfContained()
    {
        using var folder = new TempFolder();

        var files = ReportWriter.Write(SampleReports.TwoRuns(), folder.Path);

        string html = File.ReadAllText(files.Html);
        Assert.Equal(files.Plots.Count, CountOccurrences(html, "src=\"data:image/png;base64,"));
        Assert.DoesNotContain("src=\"plots/", html);
        Assert.Contains("erts-dbpd", html);
    }

    [Fact]
    public void Write_SkipsTrainingFigures_WhenTheRunWasOnlyEvaluated()
    {
        using var folder = new TempFolder();
        var report = new ExperimentReport
        {
            Title = "evaluation",
            Command = "erts evaluate",
            Runs = [new RunResult("model", Training: null, SampleReports.Test())],
        };

        var files = ReportWriter.Write(report, folder.Path);

        Assert.Equal(["confusion-model.png"], files.Plots.Select(Path.GetFileName));
        Assert.Single(File.ReadAllLines(files.MetricsCsv));   // header only: nothing was trained
        Assert.Equal(1 + 3 + 1, File.ReadAllLines(files.TestMetricsCsv).Length);
    }

    private static int CountOccurrences(string text, string part)
    {
        int count = 0;
        for (int at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + 1, StringComparison.Ordinal)) count++;
        return count;
    }
}
