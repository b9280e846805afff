using System.Globalization;
using System.Net;
using System.Text;

namespace Erts.Cli.Reports;

/// <summary>
/// <c>report.html</c>: one self-contained page (figures embedded as base64 PNG, no script, no external file) that a
/// browser opens offline and that can be mailed as is.
/// </summary>
internal static class HtmlReport
{
    private const string Style = """
        body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; margin: 2em auto; max-width: 1180px; color: #222; padding: 0 1em; }
        h1 { font-size: 1.7em; margin-bottom: 0.2em; }
        h2 { font-size: 1.3em; margin-top: 1.6em; border-bottom: 1px solid #ddd; padding-bottom: 0.2em; }
        .meta { color: #666; font-size: 0.9em; }
        code { background: #f4f4f4; padding: 0.1em 0.3em; border-radius: 3px; }
        table { border-collapse: collapse; margin: 0.6em 0; font-size: 0.95em; }
        th, td { border: 1px solid #ccc; padding: 0.35em 0.7em; text-align: right; }
        th { background: #f0f3f7; }
        td.text, th.text { text-align: left; }
        figure { margin: 1.2em 0; }
        figure img { max-width: 100%; border: 1px solid #e3e3e3; }
        figcaption { color: #444; font-size: 0.92em; margin-top: 0.3em; }
        ul.notes li { margin: 0.25em 0; }
        """;

    /// <summary>Builds the page; <paramref name="images"/> are embedded in the given order.</summary>
    public static string Build(ExperimentReport report, IReadOnlyList<PlotImage> images)
    {
        var html = new StringBuilder();
        html.AppendLine("<!DOCTYPE html>")
            .AppendLine("<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .AppendLine($"<title>{Encode(report.Title)}</title>")
            .AppendLine($"<style>{Style}</style></head><body>")
            .AppendLine($"<h1>{Encode(report.Title)}</h1>")
            .AppendLine($"<p class=\"meta\"><code>{Encode(report.Command)}</code> &middot; {report.CreatedUtc:yyyy-MM-dd HH:mm} UTC</p>");

        AppendResults(html, report.Runs);
        AppendPerClass(html, report.Runs);
        if (report.Notes.Count > 0)
        {
            html.AppendLine("<h2>Notes</h2><ul class=\"notes\">");
            foreach (var note in report.Notes) html.AppendLine($"<li>{Encode(note)}</li>");
            html.AppendLine("</ul>");
        }
        if (report.Settings.Count > 0)
        {
            html.AppendLine("<h2>Settings</h2><table>");
            foreach (var (key, value) in report.Settings)
                html.AppendLine($"<tr><th class=\"text\">{Encode(key)}</th><td class=\"text\">{Encode(value)}</td></tr>");
            html.AppendLine("</table>");
        }
        if (images.Count > 0)
        {
            html.AppendLine("<h2>Figures</h2>");
            foreach (var image in images)
                html.AppendLine("<figure>")
                    .AppendLine($"<img alt=\"{Encode(image.Title)}\" src=\"data:image/png;base64,{Convert.ToBase64String(image.Png)}\">")
                    .AppendLine($"<figcaption><b>{Encode(image.Title)}.</b> {Encode(image.Caption)}</figcaption>")
                    .AppendLine("</figure>");
        }
        html.AppendLine("</body></html>");
        return html.ToString();
    }

    private static void AppendResults(StringBuilder html, IReadOnlyList<RunResult> runs)
    {
        if (runs.Count == 0) return;
        html.AppendLine("<h2>Results</h2><table>")
            .AppendLine("<tr><th class=\"text\">run</th><th class=\"text\">policy</th><th class=\"text\">network</th>"
                + "<th>test macro-F1</th><th>test accuracy</th><th>best validation macro-F1 (epoch)</th>"
                + "<th>effective epochs</th><th>wall-clock (s)</th></tr>");
        foreach (var run in runs)
        {
            var training = run.Training;
            string best = training == null ? "" : $"{Format(training.BestValidationMacroF1)} ({training.BestEpoch + 1})";
            html.Append($"<tr><td class=\"text\">{Encode(run.Name)}</td>")
                .Append($"<td class=\"text\">{Encode(training?.Policy ?? "")}</td>")
                .Append($"<td class=\"text\">{Encode(training?.Network.ToString() ?? "")}</td>")
                .Append($"<td>{Format(run.Test?.MacroF1)}</td><td>{Format(run.Test?.Accuracy)}</td><td>{best}</td>")
                .Append($"<td>{Format(training?.EffectiveEpochs, "F1")}</td><td>{Format(training?.WallClockSeconds, "F1")}</td></tr>")
                .AppendLine();
        }
        html.AppendLine("</table>")
            .AppendLine("<p class=\"meta\">Effective epochs: samples back-propagated divided by the training-set size (confidence and Grad-CAM passes not counted; wall-clock counts everything). Epochs are numbered from 1.</p>");
    }

    private static void AppendPerClass(StringBuilder html, IReadOnlyList<RunResult> runs)
    {
        var tested = runs.Where(r => r.Test != null).ToArray();
        if (tested.Length == 0) return;
        var classes = tested[0].Test!.ClassNames;
        html.AppendLine("<h2>Per-class F1 (test)</h2><table>")
            .Append("<tr><th class=\"text\">class</th><th>support</th>");
        foreach (var run in tested) html.Append($"<th>{Encode(run.Name)}</th>");
        html.AppendLine("</tr>");
        for (int c = 0; c < classes.Count; c++)
        {
            html.Append($"<tr><td class=\"text\">{Encode(classes[c])}</td><td>{tested[0].Test!.Support[c]}</td>");
            foreach (var run in tested)
                html.Append($"<td>{(c < run.Test!.PerClassF1.Count ? Format(run.Test.PerClassF1[c]) : "")}</td>");
            html.AppendLine("</tr>");
        }
        html.AppendLine("</table>");
    }

    private static string Format(double? value, string format = "F3") =>
        value is { } v && double.IsFinite(v) ? v.ToString(format, CultureInfo.InvariantCulture) : "&ndash;";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
