using Erts.MLNet.Data;
using Erts.MLNet.Data.Datasets;
using Erts.MLNet.Tests.Data.Wfdb;

namespace Erts.MLNet.Tests.Data.Datasets;

/// <summary>How large a record the loaders read into one example (<c>RecordSignals</c>).</summary>
public sealed class RecordSignalsTests : IDisposable
{
    private readonly TemporaryFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Load_ThrowsNamingTheHeader_InsteadOfOverflowingWhilePadding_WhenLeadsTimesLengthPassesAnInt()
    {
        // Padding allocated leads × length values unchecked: 240,000 signals × 9000 samples gave an OverflowException.
        // Two signals and a length of 1.2 billion overflow the same product, without a 7 MB header.
        folder.WriteText("wide.hea", "wide 2 300 1\nwide.dat 16 1000/mV 16 0 0 0 0 I\nwide.dat 16 1000/mV 16 0 0 0 0 II\n");
        folder.WriteBytes("wide.dat", new byte[4]);
        folder.WriteText("REFERENCE.csv", "wide,N\n");
        var database = new Cinc2017Database(folder.Path, new Cinc2017Database.Options { Length = 1_200_000_000 });

        var error = Assert.Throws<DataFormatException>(() => database.Load().ToList());

        Assert.Equal(folder.Combine("wide.hea"), error.FilePath);
        Assert.Contains("2 signals × 1200000000 samples", error.Message);
    }

    [Fact]
    public void WholeLength_ThrowsNamingTheHeader_WhenSigLenDoesNotFitAnInt()
    {
        folder.WriteText("long.hea", "long 1 360 3000000000\nlong.dat 80 200 8 0 0 0 0 MLII\n");
        SpecialFiles.MakeSparse(folder.Combine("long.dat"), 3_000_000_000);
        var record = Erts.MLNet.Data.Wfdb.WfdbRecord.Open(folder.Combine("long"));

        var error = Assert.Throws<DataFormatException>(() => RecordSignals.WholeLength(record, 1));

        Assert.Equal((folder.Combine("long.hea"), "sig_len"), (error.FilePath, error.Field));
    }
}
