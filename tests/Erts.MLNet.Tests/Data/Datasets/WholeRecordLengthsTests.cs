using Erts.MLNet.Data.Datasets;
using Erts.MLNet.Data.Wfdb;
using Erts.MLNet.Tests.Data.Wfdb;

namespace Erts.MLNet.Tests.Data.Datasets;

/// <summary>The view shape of whole records read from the headers (<c>WholeRecordLengths</c>).</summary>
public sealed class WholeRecordLengthsTests : IDisposable
{
    private readonly TemporaryFolder folder = new();

    public void Dispose() => folder.Dispose();

    private static IReadOnlyList<LabelledRecord> Records(params string[] names) =>
        names.Select(n => new LabelledRecord(n, "N", DatasetSplit.Train)).ToArray();

    [Fact]
    public void Shape_NamesTheLongestRecord_WhenItIsTooLongForAView()
    {
        folder.WriteText("a.hea", "a 2 300 10\na.dat 16 200 16 0 0 0 0 I\na.dat 16 200 16 0 0 0 0 II\n");
        folder.WriteText("b.hea", "b 2 300 2000000000\nb.dat 16 200 16 0 0 0 0 I\nb.dat 16 200 16 0 0 0 0 II\n");

        var error = Assert.Throws<WfdbFormatException>(() => WholeRecordLengths.Shape(folder.Path, Records("a", "b"), null, null));

        Assert.Equal((folder.Combine("b.hea"), "sig_len"), (error.FilePath, error.Field));
    }

    [Fact]
    public void Shape_NamesTheHeader_WhenTheFirstRecordHasNoSignal()
    {
        folder.WriteText("a.hea", "a 0 300 10\n");

        var error = Assert.Throws<WfdbFormatException>(() => WholeRecordLengths.Shape(folder.Path, Records("a"), null, null));

        Assert.Equal((folder.Combine("a.hea"), "n_sig"), (error.FilePath, error.Field));
    }
}
