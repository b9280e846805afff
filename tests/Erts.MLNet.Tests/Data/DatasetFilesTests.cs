using Erts.MLNet.Data;
using Erts.MLNet.Data.Datasets;
using Erts.MLNet.Data.Wfdb;
using Erts.MLNet.Tests.Data.Wfdb;

namespace Erts.MLNet.Tests.Data;

/// <summary>
/// <see cref="DatasetFiles"/>, and every loader that builds a path from data through it: names written in data stay
/// inside the dataset folder, and only regular files are opened.
/// </summary>
public sealed class DatasetFilesTests : IDisposable
{
    // The dataset folder, and a folder beside it standing for the rest of the file system.
    private readonly TemporaryFolder dataset = new();
    private readonly TemporaryFolder outside = new();

    public void Dispose()
    {
        dataset.Dispose();
        outside.Dispose();
    }

    private static DataFormatException Fail(string problem) => new("data.csv", 7, "record", problem);

    [Theory]
    [InlineData("r.hea")]
    [InlineData("records100/00000/00001_lr.hea")]
    [InlineData("./r.hea")]
    public void Resolve_GivesThePathInsideTheFolder_ForNamesThatStayInside(string name)
    {
        Assert.Equal(Path.GetFullPath(Path.Combine(dataset.Path, name)), DatasetFiles.Resolve(dataset.Path, name, Fail));
    }

    [Theory]
    [InlineData("../secret.hea", "'..'")]
    [InlineData("a/../../secret.hea", "'..'")]
    [InlineData("a/../r.hea", "'..'")]
    [InlineData("/etc/passwd", "absolute")]
    [InlineData("", "empty")]
    [InlineData("r\0.hea", "NUL")]
    public void Resolve_ThrowsTheCallersException_ForNamesThatMayLeaveTheFolder(string name, string fragment)
    {
        var error = Assert.Throws<DataFormatException>(() => DatasetFiles.Resolve(dataset.Path, name, Fail));

        Assert.Equal(("data.csv", 7, "record"), (error.FilePath, error.LineNumber, error.Field));
        Assert.Contains(fragment, error.Message);
    }

    [SkippableFact]
    public void Resolve_Throws_ForSymbolicLinksLeadingOutOfTheFolder_ToAFileOrThroughAFolder()
    {
        string secret = outside.WriteText("secret.hea", "secret 1\n");
        SpecialFiles.MakeLink(dataset.Combine("r.hea"), secret);
        SpecialFiles.MakeLink(dataset.Combine("sub"), outside.Path);
        SpecialFiles.MakeLink(dataset.Combine("relative.hea"), Path.Combine("..", Path.GetFileName(outside.Path), "secret.hea"));

        foreach (string name in (string[])["r.hea", "sub/secret.hea", "relative.hea"])
        {
            var error = Assert.Throws<DataFormatException>(() => DatasetFiles.Resolve(dataset.Path, name, Fail));
            Assert.Contains("outside the dataset folder", error.Message);
        }
    }

    [SkippableFact]
    public void Resolve_FollowsSymbolicLinksThatStayInside_AndAFolderReachedThroughALink()
    {
        Directory.CreateDirectory(dataset.Combine("real"));
        dataset.WriteText("real/r.hea", "r 0\n");
        SpecialFiles.MakeLink(dataset.Combine("linked"), dataset.Combine("real"));
        string folderLink = SpecialFiles.MakeLink(outside.Combine("dataset-link"), dataset.Path);

        Assert.Equal(dataset.Combine("linked/r.hea"), DatasetFiles.Resolve(dataset.Path, "linked/r.hea", Fail));
        Assert.Equal(Path.Combine(folderLink, "linked/r.hea"), DatasetFiles.Resolve(folderLink, "linked/r.hea", Fail));
    }

    [Fact]
    public void Resolve_EchoesAtMost200CharactersOfTheName()
    {
        string name = "../" + new string('a', 10_000);

        var error = Assert.Throws<DataFormatException>(() => DatasetFiles.Resolve(dataset.Path, name, Fail));

        Assert.InRange(error.Message.Length, 1, 400);
        Assert.Contains("10003 characters", error.Message);
    }

    [SkippableFact]
    public void RequireRegularFile_Throws_ForAFifoADirectoryAndADevice_WithoutOpeningThem()
    {
        string fifo = SpecialFiles.MakeFifo(dataset.Combine("fifo"));
        Directory.CreateDirectory(dataset.Combine("folder"));

        Assert.Contains("not a regular file", Assert.Throws<DataFormatException>(() => DatasetFiles.RequireRegularFile(fifo, Fail)).Message);
        Assert.Contains("is a directory", Assert.Throws<DataFormatException>(() => DatasetFiles.RequireRegularFile(dataset.Combine("folder"), Fail)).Message);
        Assert.Contains("not found", Assert.Throws<DataFormatException>(() => DatasetFiles.RequireRegularFile(dataset.Combine("missing"), Fail)).Message);
        Skip.IfNot(File.Exists("/dev/zero"), "no /dev/zero");
        Assert.Contains("not a regular file", Assert.Throws<DataFormatException>(() => DatasetFiles.RequireRegularFile("/dev/zero", Fail)).Message);
    }

    [Fact]
    public void ReadAllBytes_ThrowsBeforeAllocating_WhenTheFileIsLargerThanTheBound()
    {
        string sparse = SpecialFiles.MakeSparse(dataset.Combine("big"), 1L << 30);
        long before = GC.GetAllocatedBytesForCurrentThread();

        var error = Assert.Throws<DataFormatException>(() => DatasetFiles.ReadAllBytes(sparse, 1 << 20, Fail));

        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, 1 << 20);
        Assert.Contains($"is {1L << 30} bytes, more than the {1 << 20} bytes", error.Message);
    }

    // The loaders: a name from a label file or a record list is refused where it is written, before anything is read.

    [Theory]
    [InlineData("../outside/secret")]
    [InlineData("/etc/passwd")]
    public void Cinc2017Database_ThrowsNamingTheLine_WhenReferenceNamesARecordOutsideTheFolder(string record)
    {
        string reference = dataset.WriteText("REFERENCE.csv", $"A00001,N\n{record},A\n");

        var error = Assert.Throws<DataFormatException>(() => new Cinc2017Database(dataset.Path));

        Assert.Equal((reference, 2, "record"), (error.FilePath, error.LineNumber, error.Field));
    }

    [Fact]
    public void PtbXlDatabase_ThrowsNamingLineAndColumn_WhenAFileNameLeavesTheFolder()
    {
        dataset.WriteText("scp_statements.csv", ",description,diagnostic,form,rhythm,diagnostic_class,diagnostic_subclass\nNORM,normal ECG,1.0,,,NORM,NORM\n");
        string table = dataset.WriteText("ptbxl_database.csv",
            "ecg_id,patient_id,scp_codes,strat_fold,filename_lr,filename_hr\n" +
            "1,7.0,\"{'NORM': 100.0}\",1,records100/00000/00001_lr,records500/00000/00001_hr\n" +
            "2,8.0,\"{'NORM': 100.0}\",1,../../../../etc/shadow,records500/00000/00002_hr\n");

        var error = Assert.Throws<DataFormatException>(() => new PtbXlDatabase(dataset.Path));

        Assert.Equal((table, 3, "filename_lr"), (error.FilePath, error.LineNumber, error.Field));
    }

    [Fact]
    public void MitBeatDatabase_ThrowsNamingTheLine_WhenRecordsNamesARecordOutsideTheFolder()
    {
        string records = dataset.WriteText("RECORDS", "100\n\n../../outside/200\n");

        var error = Assert.Throws<DataFormatException>(() => new MitBeatDatabase(dataset.Path));

        Assert.Equal((records, 3, "record"), (error.FilePath, error.LineNumber, error.Field));
    }

    [SkippableFact]
    public void MitBeatDatabase_Throws_WhenAnAnnotationFileIsALinkOutOfTheFolder()
    {
        string records = dataset.WriteText("RECORDS", "100\n");
        SpecialFiles.MakeLink(dataset.Combine("100.atr"), outside.WriteBytes("secret.atr", [0, 0]));

        var error = Assert.Throws<DataFormatException>(() => new MitBeatDatabase(dataset.Path));

        Assert.Equal((records, 1, "record"), (error.FilePath, error.LineNumber, error.Field));
        Assert.Contains("100.atr", error.Message);
    }

    [Fact]
    public void MitBeatDatabase_ThrowsNamingTheOption_WhenTheAnnotatorIsAPath()
    {
        var error = Assert.Throws<ArgumentException>(() => new MitBeatDatabase(dataset.Path, new MitBeatDatabase.Options { Annotator = "atr/../../x" }));

        Assert.Equal("Annotator", error.ParamName);
    }

    [Fact]
    public void Cinc2020Database_ThrowsNamingTheLine_WhenRecordsNamesARecordOutsideTheFolder()
    {
        string records = dataset.WriteText("RECORDS", "/etc/hostname\n");

        var error = Assert.Throws<DataFormatException>(() => new Cinc2020Database(dataset.Path));

        Assert.Equal((records, 1, "record"), (error.FilePath, error.LineNumber, error.Field));
    }

    [SkippableFact]
    public void Cinc2017Database_Throws_WhenTheLabelFileIsAFifo()
    {
        string fifo = SpecialFiles.MakeFifo(dataset.Combine("REFERENCE.csv"));

        Exception? error = SpecialFiles.ThrownWithin10Seconds(() => _ = new Cinc2017Database(dataset.Path), fifo);

        Assert.Contains("not a regular file", Assert.IsType<DataFormatException>(error).Message);
    }

    [SkippableFact]
    public void MitBeatDatabase_Throws_WhenRecordsIsAFifo()
    {
        string fifo = SpecialFiles.MakeFifo(dataset.Combine("RECORDS"));

        Exception? error = SpecialFiles.ThrownWithin10Seconds(() => _ = new MitBeatDatabase(dataset.Path), fifo);

        Assert.Equal(fifo, Assert.IsType<DataFormatException>(error).FilePath);
    }
}
