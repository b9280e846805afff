using Erts.MLNet.Reporting;
using Microsoft.Data.Analysis;

namespace Erts.MLNet.Tests.Reporting;

public class DataFrameMarkdownTests
{
    [Fact]
    public void ToMarkdown_RendersHeaderRowsAndFormattedNumbers()
    {
        var frame = new DataFrame(
            new StringDataFrameColumn("model", ["FastTree", "a|b"]),
            new DoubleDataFrameColumn("macro-F1", [0.87654, 0.5]),
            new Int32DataFrameColumn("threads", [2, 2]));
        Assert.Equal(
            "| model | macro-F1 | threads |\n| --- | --- | --- |\n| FastTree | 0.877 | 2 |\n| a\\|b | 0.500 | 2 |\n",
            frame.ToMarkdown("0.000"));
    }
}
