using Erts.MLNet.Data;
using Erts.MLNet.Data.Datasets;
using Erts.MLNet.Data.DataViews;
using Erts.MLNet.Data.Wfdb;
using Erts.MLNet.Tests.Data.Wfdb;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Erts.MLNet.Tests.Data.Datasets;

public sealed class Cinc2020DatabaseTests : IDisposable
{
    private readonly TemporaryFolder folder = new();

    public void Dispose() => folder.Dispose();

    /// <summary>Writes a 2-lead record in the CinC 2020 layout: header with #Dx, format 16 in a MAT v4 file (24-byte header).</summary>
    private void WriteRecord(string name, string dx, int length, int seed)
    {
        var random = new Random(seed);
        int[][] leads = [Enumerable.Range(0, length).Select(_ => random.Next(-500, 500)).ToArray(),
                         Enumerable.Range(0, length).Select(_ => random.Next(-500, 500)).ToArray()];
        folder.WriteBytes(name + ".mat", TestRecords.Format16(TestRecords.Interleave(leads), offset: 24));
        folder.WriteText(name + ".hea", TestRecords.Header(name, name + ".mat", "16+24", 500, ["I", "II"], leads,
            gain: "1000/mV", comments: $"#Age: 53\n#Sex: Male\n#Dx: {dx}\n#Rx: Unknown\n"));
    }

    [Fact]
    public void Records_MapFirstListedSnomedCode_ToTheEightClasses()
    {
        WriteRecord("A0001", "59118001,426783006", 600, 1);   // RBBB listed first
        WriteRecord("A0002", "426783006", 600, 2);            // NORM
        WriteRecord("A0003", "111975006,164889003", 600, 3);  // unmapped code, then AF
        WriteRecord("A0004", "111975006", 600, 4);            // nothing mapped: OTHER

        var database = new Cinc2020Database(folder.Path, new Cinc2020Database.Options { Length = 500 });

        Assert.Equal(["RBBB", "NORM", "AF", "OTHER"], database.Records.Select(r => r.Label));
    }

    [Fact]
    public void Load_CropsLongAndPadsShortRecords_AndSplitsStratified()
    {
        for (int i = 0; i < 20; i++) WriteRecord($"B{i:D4}", i % 2 == 0 ? "164909002" : "164931005", i < 10 ? 1200 : 400, i);

        var database = new Cinc2020Database(folder.Path, new Cinc2020Database.Options { Length = 1000 });
        var examples = database.Load().ToList();

        Assert.Equal(20, examples.Count);
        Assert.All(examples, e => Assert.Equal((2, 1000, 500f), (e.Leads, e.Length, e.SamplingRate)));
        // Record B0000 is 1200 samples long: the first 1000 are kept.
        var record = WfdbRecord.Open(folder.Combine("B0000"));
        Assert.Equal(record.ReadSignals(0, 1000).ToPhysical(), examples[0].Signal);
        // B0015 is 400 samples: zero-padded at the end of each lead.
        Assert.All(examples[15].Signal[400..1000], v => Assert.Equal(0f, v));
        foreach (string label in new[] { "LBBB", "ST" })
            Assert.Equal((8, 1, 1), (Count(database, label, DatasetSplit.Train), Count(database, label, DatasetSplit.Validation), Count(database, label, DatasetSplit.Test)));
        Assert.Equal(database.Records.Where(r => r.Split == DatasetSplit.Test).Select(r => r.RecordId),
            database.Load(DatasetSplit.Test).Select(e => e.RecordId));
    }

    [Fact]
    public void LoadEcg_GivesWholeRecords_PaddedToTheLongest_WhenLengthIsNull()
    {
        int[] lengths = [600, 1500, 900, 1200, 700, 1100, 800, 1000, 650, 1300];
        for (int i = 0; i < lengths.Length; i++) WriteRecord($"D{i:D4}", i % 2 == 0 ? "426783006" : "164889003", lengths[i], i);
        var database = new Cinc2020Database(folder.Path, new Cinc2020Database.Options { Length = null });

        var examples = database.Load().ToList();
        var view = new MLContext(seed: 1).Data.LoadEcg(database, DatasetSplit.All);

        Assert.Equal(lengths, examples.Select(e => e.Length));
        Assert.Equal(WfdbRecord.Open(folder.Combine("D0001")).ReadSignals().ToPhysical(), examples[1].Signal);
        var shape = EcgSchema.ReadShape(view.Schema);
        Assert.Equal((2, 1500, true), (shape.Leads, shape.Samples, shape.VariableLength));
        Assert.Equal(lengths, view.GetColumn<int>(EcgColumns.SignalLength));
        Assert.Equal(examples.Select(e => e.Signal), view.ToEcgExamples().Select(e => e.Signal));
    }

    [Fact]
    public void Constructor_ThrowsNamingTheHeader_WhenDxIsMissingOrMalformed()
    {
        WriteRecord("C0001", "426783006", 100, 1);
        File.WriteAllText(folder.Combine("C0001.hea"), File.ReadAllText(folder.Combine("C0001.hea")).Replace("#Dx: 426783006", "#Dx: NSR"));

        var error = Assert.Throws<WfdbFormatException>(() => new Cinc2020Database(folder.Path));

        Assert.Equal((folder.Combine("C0001.hea"), "#Dx"), (error.FilePath, error.Field));
        Assert.Contains("'NSR'", error.Message);
        File.WriteAllText(folder.Combine("C0001.hea"), "C0001 0 500 0\n");
        Assert.Contains("no '#Dx", Assert.Throws<WfdbFormatException>(() => new Cinc2020Database(folder.Path)).Message);
    }

    private static int Count(Cinc2020Database database, string label, DatasetSplit split) =>
        database.Records.Count(r => r.Label == label && r.Split == split);
}
