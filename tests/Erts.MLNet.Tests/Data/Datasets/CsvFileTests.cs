using Erts.MLNet.Data;
using Erts.MLNet.Data.Datasets;

namespace Erts.MLNet.Tests.Data.Datasets;

public class CsvFileTests
{
    [Fact]
    public void Parse_HandlesQuotesCommasDoubledQuotesAndLineBreaks()
    {
        string text = "id,codes,report\r\n1,\"{'NORM': 100.0, 'SR': 0.0}\",\"say \"\"hi\"\"\nsecond line\"\r\n\r\n2,,plain\n";

        var rows = CsvFile.Parse(text, "t.csv");

        Assert.Equal(3, rows.Count);
        Assert.Equal(["1", "{'NORM': 100.0, 'SR': 0.0}", "say \"hi\"\nsecond line"], rows[1].Fields);
        Assert.Equal(["2", "", "plain"], rows[2].Fields);
        Assert.Equal([1, 2, 5], rows.Select(r => r.Line));
    }

    [Fact]
    public void Parse_ThrowsNamingTheLine_WhenAQuoteNeverCloses()
    {
        var error = Assert.Throws<DataFormatException>(() => CsvFile.Parse("a,b\n1,\"open\n2,3\n", "t.csv"));
        Assert.Equal(("t.csv", 2, "column 2"), (error.FilePath, error.LineNumber, error.Field));
    }

    [Fact]
    public void Parse_ThrowsNamingTheLineAndColumn_WhenAFieldIsLongerThanTheMaximum_WithoutEchoingIt()
    {
        string text = "A00001,N\nA00002," + new string('x', CsvFile.MaximumFieldLength + 1) + "\n";

        var error = Assert.Throws<DataFormatException>(() => CsvFile.Parse(text, "t.csv"));

        Assert.Equal(("t.csv", 2, "column 2"), (error.FilePath, error.LineNumber, error.Field));
        Assert.Equal("t.csv:2: field 'column 2': field is longer than 1048576 characters", error.Message);
    }

    [Fact]
    public void Read_GivesTheRowsOfParse()
    {
        string path = Path.Combine(Path.GetTempPath(), $"erts-csv-{Guid.NewGuid():N}.csv");
        string text = "id,codes\r\n1,\"{'NORM': 100.0,\nx}\"\n\n2,plain";
        File.WriteAllText(path, text);
        try
        {
            var read = CsvFile.Read(path);
            var parsed = CsvFile.Parse(text, path);

            Assert.Equal(parsed.Select(r => (r.Line, string.Join('|', r.Fields))), read.Select(r => (r.Line, string.Join('|', r.Fields))));
            Assert.Equal([1, 2, 5], read.Select(r => r.Line));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
