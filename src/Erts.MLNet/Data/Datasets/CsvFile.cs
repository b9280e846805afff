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

    /// <summary>
    /// The longest field accepted, 1,048,576 characters. The longest in the files read (a PTB-XL <c>report</c>) is a
    /// few hundred: a longer one is damage, refused before it is held in memory.
    /// </summary>
    public const int MaximumFieldLength = 1 << 20;

    /// <summary>Reads every row of a file, streaming it (only the rows are kept, never the whole text).</summary>
    /// <exception cref="DataFormatException">Missing, not a regular file or larger than <see cref="DatasetFiles.MaxTextFileBytes"/>, a quoted field that never closes, or a field longer than <see cref="MaximumFieldLength"/>.</exception>
    public static IReadOnlyList<Row> Read(string path)
    {
        DataFormatException Fail(string problem) => new(path, null, null, "CSV file " + problem);
        if (!File.Exists(path)) throw Fail("not found");
        DatasetFiles.RequireRegularFile(path, Fail);
        if (new FileInfo(path).Length > DatasetFiles.MaxTextFileBytes) throw Fail($"is larger than {DatasetFiles.MaxTextFileBytes:N0} bytes");
        using var reader = new StreamReader(path);
        return Parse(reader, path);
    }

    /// <summary>Parses CSV text; blank lines are skipped.</summary>
    /// <exception cref="DataFormatException">A quoted field never closes, text follows a closing quote, or a field is longer than <see cref="MaximumFieldLength"/>.</exception>
    public static IReadOnlyList<Row> Parse(string text, string path)
    {
        using var reader = new StringReader(text);
        return Parse(reader, path);
    }

    private static List<Row> Parse(TextReader reader, string path)
    {
        var rows = new List<Row>();
        var fields = new List<string>();
        var field = new StringBuilder();
        int line = 1, rowLine = 1;
        void Append(char c, int fieldLine)
        {
            if (field.Length == MaximumFieldLength)
                throw new DataFormatException(path, fieldLine, $"column {fields.Count + 1}", $"field is longer than {MaximumFieldLength} characters");
            field.Append(c);
        }

        while (true)
        {
            // One field per iteration.
            field.Clear();
            if (reader.Peek() == '"')
            {
                int quoteLine = line;
                reader.Read();
                while (true)
                {
                    int c = reader.Read();
                    if (c < 0) throw new DataFormatException(path, quoteLine, $"column {fields.Count + 1}", "quoted field never closes");
                    if (c == '"')
                    {
                        if (reader.Peek() == '"') { Append('"', quoteLine); reader.Read(); continue; }
                        break;
                    }
                    if (c == '\n') line++;
                    Append((char)c, quoteLine);
                }
                int next = reader.Peek();
                if (next >= 0 && next is not (',' or '\r' or '\n'))
                    throw new DataFormatException(path, line, $"column {fields.Count + 1}", $"unexpected {EchoedValue.Quote(((char)next).ToString())} after a closing quote");
            }
            else
            {
                while (reader.Peek() is >= 0 and not (',' or '\r' or '\n')) Append((char)reader.Read(), rowLine);
            }
            fields.Add(field.ToString());

            if (reader.Peek() == ',') { reader.Read(); continue; }
            // End of record (line break or end of text).
            if (reader.Peek() == '\r') reader.Read();
            if (reader.Peek() == '\n') reader.Read();
            if (!(fields.Count == 1 && fields[0].Length == 0)) rows.Add(new Row(rowLine, fields.ToArray()));
            fields.Clear();
            line++;
            rowLine = line;
            if (reader.Peek() < 0) break;
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
