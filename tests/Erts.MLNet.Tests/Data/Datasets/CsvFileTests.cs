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
}
