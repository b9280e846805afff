using Erts.MLNet.Data;
using Erts.MLNet.Data.Datasets;
using Erts.MLNet.Tests.Data.Wfdb;
using Erts.MLNet.Tests.Infrastructure;

namespace Erts.MLNet.Tests.Data.Datasets;

public class Cinc2017DatabaseTests
{
    [SkippableFact]
    public void Records_GivePublishedLabelCounts_AndAStratifiedSplit()
    {
        var database = new Cinc2017Database(RepositoryPaths.RequireDataset("cinc2017"));

        Assert.Equal(2000, database.Records.Count);
        Assert.Equal([1187, 196, 553, 64], Cinc2017Database.Labels.Select(l => database.Records.Count(r => r.Label == l)));
        // round(n × 0.8) and round(n × 0.1) per label.
        Assert.Equal([950, 157, 442, 51], Cinc2017Database.Labels.Select(l => database.Records.Count(r => r.Label == l && r.Split == DatasetSplit.Train)));
        Assert.Equal([119, 20, 55, 6], Cinc2017Database.Labels.Select(l => database.Records.Count(r => r.Label == l && r.Split == DatasetSplit.Validation)));
    }

    [SkippableFact]
    public void Load_CropsAndPadsToTheFixedLength()
    {
        string folder = RepositoryPaths.RequireDataset("cinc2017");
        var database = new Cinc2017Database(folder, new Cinc2017Database.Options { Length = 12000 });

        // A00001 and A00002 have 9000 samples (zero-padded to 12000), A00003 has 18000 (its first 12000 kept).
        var examples = database.Load().Take(3).ToList();

        Assert.All(examples, e => Assert.Equal((1, 12000, 300f, null), (e.Leads, e.Length, e.SamplingRate, e.PatientId)));
        Assert.Equal(("A00001", "N"), (examples[0].RecordId, examples[0].Label));
        Assert.Equal(-0.127f, examples[0].Signal[0], 1e-6f); // header init_value -127 at 1000 adu/mV
        Assert.All(examples[0].Signal[9000..], v => Assert.Equal(0f, v));
        Assert.Contains(examples[0].Signal[8900..9000], v => v != 0f);
        Assert.Contains(examples[2].Signal[11900..], v => v != 0f);
    }

    [Fact]
    public void Constructor_ThrowsNamingLine_ForUnknownLabel()
    {
        using var folder = new TemporaryFolder();
        string path = folder.WriteText("REFERENCE.csv", "A00001,N\r\nA00002,X\r\n");

        var error = Assert.Throws<DataFormatException>(() => new Cinc2017Database(folder.Path));

        Assert.Equal((path, 2, "label"), (error.FilePath, error.LineNumber, error.Field));
        Assert.Contains("'X'", error.Message);
    }
}
