using Erts.MLNet.Data;
using Erts.MLNet.Data.Datasets;
using Erts.MLNet.Tests.Data.Wfdb;

namespace Erts.MLNet.Tests.Data.Datasets;

public sealed class RecordListTests : IDisposable
{
    private readonly TemporaryFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Read_KeepsEachNameOnce_AndWarnsNamingTheRepeatedLine()
    {
        string path = folder.WriteText("RECORDS", "100\n101\n\n 100 \n102\n101\n");
        var warnings = new List<DataWarning>();

        var names = RecordList.Read(path, warnings).Select(n => n.Name).ToArray();

        Assert.Equal(["100", "101", "102"], names);
        Assert.Equal([(4, "first on line 1"), (6, "first on line 2")],
            warnings.Select(w => (w.LineNumber!.Value, w.Problem[(w.Problem.IndexOf('(') + 1)..w.Problem.IndexOf(')')])));
        Assert.All(warnings, w => Assert.Equal(path, w.FilePath));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n  \n\n")]
    public void Read_ThrowsNamingTheFile_WhenItListsNoRecord(string text)
    {
        string path = folder.WriteText("RECORDS", text);

        var error = Assert.Throws<DataFormatException>(() => RecordList.Read(path, []));

        Assert.Equal(path, error.FilePath);
        Assert.Contains("lists no record", error.Message);
    }

    [Fact]
    public void MitBeatDatabase_ThrowsDataFormatException_ForAnEmptyRecordsFile()
    {
        string path = folder.WriteText("RECORDS", "\n");

        var error = Assert.Throws<DataFormatException>(() => new MitBeatDatabase(folder.Path));

        Assert.Equal(path, error.FilePath);
    }

    [Fact]
    public void MitBeatDatabase_ThrowsNamingTheFolder_WhenThereIsNoRecordsFileAndNoAnnotatedHeader()
    {
        folder.WriteText("r.hea", "r 1 360 2\nr.dat 16 200 16 0 0 0 0 MLII\n");

        var error = Assert.Throws<DataFormatException>(() => new MitBeatDatabase(folder.Path));

        Assert.Equal(folder.Path, error.FilePath);
        Assert.Contains(".atr annotation file", error.Message);
    }

    [Fact]
    public void MitBeatDatabase_ListsARepeatedRecordOnce_WithAWarning()
    {
        folder.WriteText("RECORDS", "100\n101\n100\n");

        var database = new MitBeatDatabase(folder.Path);

        Assert.Equal(["100", "101"], database.Records);
        Assert.Equal(3, Assert.Single(((IEcgDataset)database).Warnings).LineNumber);
    }

    [Fact]
    public void Cinc2020Database_ThrowsDataFormatException_ForAnEmptyRecordsFile_OrAFolderWithoutHeaders()
    {
        Assert.Equal(folder.Path, Assert.Throws<DataFormatException>(() => new Cinc2020Database(folder.Path)).FilePath);

        string path = folder.WriteText("RECORDS", "");

        Assert.Equal(path, Assert.Throws<DataFormatException>(() => new Cinc2020Database(folder.Path)).FilePath);
    }
}
