using Erts.Cli.Reports;
using Erts.Cli.Tests.Infrastructure;

namespace Erts.Cli.Tests.Reports;

public class HtmlReportTests
{
    [Fact]
    public void Build_EncodesUserText_SoNamesCannotBreakThePage()
    {
        var report = new ExperimentReport
        {
            Title = "<script>alert(1)</script>",
            Command = "erts train --out a&b",
            Runs = [new RunResult("x<y", null, SampleReports.Test())],
        };

        string html = HtmlReport.Build(report, []);

        Assert.DoesNotContain("<script>", html);
        Assert.Contains("&lt;script&gt;", html);
        Assert.Contains("x&lt;y", html);
        Assert.Contains("a&amp;b", html);
    }

    [SkippableFact]
    public void Build_RendersInHeadlessChromium_WithFiguresVisible()
    {
        Skip.If(HeadlessChromium.Executable == null, "chromium is not installed (looked for /usr/bin/chromium and similar)");
        using var folder = new TempFolder();
        var files = ReportWriter.Write(SampleReports.TwoRuns(), folder.Path);
        string screenshot = folder.Combine("screenshot.png");

        HeadlessChromium.Screenshot(files.Html, screenshot);

        // A blank or broken page compresses to a few kilobytes; tables and nine figures do not.
        Assert.True(new FileInfo(screenshot).Length > 50_000, $"screenshot is only {new FileInfo(screenshot).Length} bytes");
        // To look at the page yourself: ERTS_KEEP_REPORT=<folder> keeps the report and the screenshot there.
        string? keep = Environment.GetEnvironmentVariable("ERTS_KEEP_REPORT");
        if (!string.IsNullOrEmpty(keep))
        {
            ReportWriter.Write(SampleReports.TwoRuns(), keep);
            File.Copy(screenshot, Path.Combine(keep, "screenshot.png"), overwrite: true);
        }
    }
}
