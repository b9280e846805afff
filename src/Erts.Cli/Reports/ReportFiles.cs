namespace Erts.Cli.Reports;

/// <summary>Paths of what <see cref="ReportWriter"/> wrote.</summary>
/// <param name="Folder">The report folder.</param>
/// <param name="Html">The self-contained page, <c>report.html</c>.</param>
/// <param name="ResultsJson">The machine-readable results, <c>results.json</c>.</param>
/// <param name="MetricsCsv">Per-epoch table, <c>metrics.csv</c>.</param>
/// <param name="TestMetricsCsv">Per-class test table, <c>test-metrics.csv</c>.</param>
/// <param name="Plots">PNG files in the <c>plots</c> sub-folder.</param>
internal sealed record ReportFiles(string Folder, string Html, string ResultsJson, string MetricsCsv, string TestMetricsCsv, IReadOnlyList<string> Plots);
