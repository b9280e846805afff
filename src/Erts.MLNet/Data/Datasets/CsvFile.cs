using System.Text;

namespace Erts.MLNet.Data.Datasets;

/// <summary>
/// A small RFC 4180 CSV reader: comma-separated, fields optionally in double quotes (with "" for a quote, and commas
/// or line breaks inside), CRLF or LF. Each row carries the line it starts on, for error messages.
/// </summary>
/// <remarks>
/// Used instead of <c>Microsoft.Data.Analysis.DataFrame.LoadCsv</c>: the loaders need the line number of a bad row
/// for their errors, and DataFrame infers column types from the first rows, which turns PTB-XL's
/// <c>patient_id</c> into a float and would need the <c>scp_codes</c> dict column re-parsed anyway. The tables are
/// small metadata files (PTB-XL's full table is 21,799 rows), so a streaming reader of strings is all that is needed.
/// </remarks>
internal static class CsvFile
{
    /// <summary>One CSV record: its fields and the 1-based line it starts on.</summary>
    public sealed record Row(int Line, string[] Fields);

    /// <summary>Reads every row of a file.</summary>
    /// <exception cref="DataFormatException">Missing file, or a quoted field that never closes.</exception>
    public static IReadOnlyList<Row> Read(string path)
    {
        if (!File.Exists(path)) throw new DataFormatException(path, null, null, "CSV file not found");
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses CSV text; blank lines are skipped.</summary>
    /// <exception cref="DataFormatException">A quoted field never closes, or text follows a closing quote.</exception>
    public static IReadOnlyList<Row> Parse(string text, string path)
    {
        var rows = new List<Row>();
        var fields = new List<string>();
        var field = new StringBuilder();
        int line = 1, rowLine = 1, i = 0;
        while (i <= text.Length)
        {
            // One field per iteration.
            field.Clear();
            if (i < text.Length && text[i] == '"')
            {
                int quoteLine = line;
                i++;
                while (true)
                {
                    if (i >= text.Length) throw new DataFormatException(path, quoteLine, $"column {fields.Count + 1}", "quoted field never closes");
                    char c = text[i++];
                    if (c == '"')
                    {
                        if (i < text.Length && text[i] == '"') { field.Append('"'); i++; continue; }
                        break;
                    }
                    if (c == '\n') line++;
                    field.Append(c);
                }
                if (i < text.Length && text[i] is not (',' or '\r' or '\n'))
                    throw new DataFormatException(path, line, $"column {fields.Count + 1}", $"unexpected {EchoedValue.Quote(text[i].ToString())} after a closing quote");
            }
            else
            {
                while (i < text.Length && text[i] is not (',' or '\r' or '\n')) field.Append(text[i++]);
            }
            fields.Add(field.ToString());

            if (i < text.Length && text[i] == ',') { i++; continue; }
            // End of record (line break or end of text).
            if (i < text.Length && text[i] == '\r') i++;
            if (i < text.Length && text[i] == '\n') i++;
            if (!(fields.Count == 1 && fields[0].Length == 0)) rows.Add(new Row(rowLine, fields.ToArray()));
            fields.Clear();
            line++;
            rowLine = line;
            if (i >= text.Length) break;
        }
        return rows;
    }

    /// <summary>Column index by header name; throws naming the file and the missing column.</summary>
    /// <exception cref="DataFormatException">The header lacks the column.</exception>
    public static int Column(Row header, string name, string path)
    {
        int index = Array.IndexOf(header.Fields, name);
        if (index < 0) throw new DataFormatException(path, header.Line, name, "required column is missing from the header row");
        return index;
    }

    /// <summary>A field of a row; throws naming the line and column when the row is too short.</summary>
    /// <exception cref="DataFormatException">The row has fewer fields.</exception>
    public static string Field(Row row, int index, string name, string path)
    {
        if (index >= row.Fields.Length)
            throw new DataFormatException(path, row.Line, name, $"row has {row.Fields.Length} fields, column {index + 1} is missing");
        return row.Fields[index];
    }
}
