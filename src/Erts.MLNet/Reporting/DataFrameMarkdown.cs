using System.Globalization;
using System.Text;
using Microsoft.Data.Analysis;

namespace Erts.MLNet.Reporting;

/// <summary>Renders a <see cref="DataFrame"/> as a GitHub Markdown table (results and benchmark documents).</summary>
public static class DataFrameMarkdown
{
    /// <summary>
    /// A Markdown table: a header row of column names, then one row per frame row. Floating-point values use
    /// <paramref name="numberFormat"/> (invariant culture); nulls are empty cells; '|' in text is escaped.
    /// </summary>
    /// <param name="frame">The frame.</param>
    /// <param name="numberFormat">.NET format of <c>float</c>/<c>double</c> cells; default "0.####".</param>
    public static string ToMarkdown(this DataFrame frame, string numberFormat = "0.####")
    {
        ArgumentNullException.ThrowIfNull(frame);
        var text = new StringBuilder();
        AppendRow(text, frame.Columns.Select(c => c.Name));
        AppendRow(text, frame.Columns.Select(_ => "---"));
        for (long row = 0; row < frame.Rows.Count; row++)
            AppendRow(text, frame.Columns.Select(column => Cell(column[row], numberFormat)));
        return text.ToString();
    }

    private static string Cell(object? value, string numberFormat) => value switch
    {
        null => "",
        double d => d.ToString(numberFormat, CultureInfo.InvariantCulture),
        float f => f.ToString(numberFormat, CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static void AppendRow(StringBuilder text, IEnumerable<string> cells) =>
        text.Append("| ").AppendJoin(" | ", cells.Select(c => c.Replace("|", "\\|", StringComparison.Ordinal))).Append(" |\n");
}
