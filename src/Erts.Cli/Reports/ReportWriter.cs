namespace Erts.Cli.Reports;

/// <summary>
/// Writes a report folder: <c>report.html</c> (self-contained), <c>results.json</c>, <c>metrics.csv</c>,
/// <c>test-metrics.csv</c> and every figure as a PNG under <c>plots/</c>.
/// </summary>
internal static class ReportWriter
{
    /// <summary>Renders the figures that <paramref name="report"/> has data for, in reading order.</summary>
    public static IReadOnlyList<PlotImage> RenderPlots(ExperimentReport report) =>
    [
        .. TrainingCurvesPlot.Render(report.Runs),
        .. KeptFractionPlot.Render(report.Runs),
        .. CostCurvePlot.Render(report.Runs),
        .. FocusHistogramPlot.Render(report.Runs),
        .. ConfusionMatrixPlot.Render(report.Runs),
        .. GradCamOverlayPlot.Render(report.Explanations),
    ];

    /// <summary>Writes the report into <paramref name="folder"/> (created if needed; files of the same name are replaced).</summary>
    /// <exception cref="IOException">The folder cannot be created or written.</exception>
    public static ReportFiles Write(ExperimentReport report, string folder)
    {
        folder = Path.GetFullPath(folder);
        string plotsFolder = Path.Combine(folder, "plots");
        Directory.CreateDirectory(plotsFolder);

        var images = RenderPlots(report);
        var plotPaths = new List<string>();
        foreach (var image in images)
        {
            string path = Path.Combine(plotsFolder, image.FileName);
            File.WriteAllBytes(path, image.Png);
            plotPaths.Add(path);
        }

        var files = new ReportFiles(
            folder,
            Html: Path.Combine(folder, "report.html"),
            ResultsJson: Path.Combine(folder, "results.json"),
            MetricsCsv: Path.Combine(folder, "metrics.csv"),
            TestMetricsCsv: Path.Combine(folder, "test-metrics.csv"),
            Plots: plotPaths);
        Reports.ResultsJson.Write(report, files.ResultsJson);
        File.WriteAllText(files.MetricsCsv, MetricsCsv.EpochTable(report.Runs));
        File.WriteAllText(files.TestMetricsCsv, MetricsCsv.TestTable(report.Runs));
        File.WriteAllText(files.Html, HtmlReport.Build(report, images));
        return files;
    }
}
