using System.Text.Json.Nodes;
using Erts.Cli.Reports;

namespace Erts.Cli.Commands;

/// <summary>Writes a command's report folder and tells the user where it is, in the invocation's output mode.</summary>
internal static class ReportPublisher
{
    /// <summary>Writes <paramref name="report"/> into <paramref name="folder"/>; prints the paths, or the results as JSON.</summary>
    /// <param name="context">The invocation's output.</param>
    /// <param name="report">The report.</param>
    /// <param name="folder">The report folder.</param>
    /// <param name="modelPath">The model file written by the command, if any (listed with the report's files).</param>
    public static ReportFiles Publish(CommandContext context, ExperimentReport report, string folder, string? modelPath = null)
    {
        var files = ReportWriter.Write(report, folder);
        if (modelPath != null) context.Wrote("model", modelPath);
        context.Wrote("report", files.Html);
        context.Say($"results: {files.ResultsJson} · per-epoch metrics: {files.MetricsCsv} · {files.Plots.Count} plots in {Path.Combine(files.Folder, "plots")}");

        var json = ResultsJson.Build(report);
        json["files"] = new JsonObject
        {
            ["folder"] = files.Folder,
            ["html"] = files.Html,
            ["results"] = files.ResultsJson,
            ["metrics"] = files.MetricsCsv,
            ["testMetrics"] = files.TestMetricsCsv,
            ["model"] = modelPath,
            ["plots"] = new JsonArray(files.Plots.Select(p => (JsonNode?)p).ToArray()),
        };
        context.PrintJson(json);
        return files;
    }
}
