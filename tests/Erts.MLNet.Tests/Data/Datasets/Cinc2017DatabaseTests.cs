using Erts.MLNet.Catalog;
using Erts.MLNet.Data;
using Erts.MLNet.Data.Datasets;
using Erts.MLNet.Data.DataViews;
using Erts.MLNet.Data.Wfdb;
using Erts.MLNet.Tests.Data.Wfdb;
using Erts.MLNet.Tests.Infrastructure;
using Erts.MLNet.Training;
using Microsoft.ML;
using Microsoft.ML.Data;

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

    [SkippableFact]
    public void LoadEcg_GivesWholeRecords_PaddedToTheLongestHeader_WithTheirLengths()
    {
        string folder = RepositoryPaths.RequireDataset("cinc2017");
        var database = new Cinc2017Database(folder, new Cinc2017Database.Options { Length = null });
        var mlContext = new MLContext(seed: 1);

        IDataView validation = mlContext.Data.LoadEcg(database, DatasetSplit.Validation);

        long SampleCount(string record) => WfdbHeader.Read(Path.Combine(folder, record + ".hea")).SampleCount!.Value;
        long longest = database.Records.Max(r => SampleCount(r.RecordId));
        Assert.Equal(new[] { 1, (int)longest }, ((VectorDataViewType)validation.Schema[EcgColumns.Signal].Type).Dimensions.ToArray());
        Assert.Equal((int)longest, ((VectorDataViewType)mlContext.Data.LoadEcg(database, DatasetSplit.Test).Schema[EcgColumns.Signal].Type).Size);
        var ids = validation.GetColumn<ReadOnlyMemory<char>>(EcgColumns.RecordId).Select(id => id.ToString()).ToArray();
        var lengths = validation.GetColumn<int>(EcgColumns.SignalLength).ToArray();
        Assert.Equal(database.Records.Where(r => r.Split == DatasetSplit.Validation).Select(r => r.RecordId), ids);
        Assert.Equal(ids.Select(id => (int)SampleCount(id)), lengths);
        Assert.True(lengths.Distinct().Count() > 10, "CinC 2017 records vary in length");

        // Each row holds its whole record, then zeros.
        var signals = validation.GetColumn<VBuffer<float>>(EcgColumns.Signal).Select(v => v.DenseValues().ToArray()).Take(20).ToArray();
        for (int row = 0; row < signals.Length; row++)
        {
            var record = WfdbRecord.Open(Path.Combine(folder, ids[row]), WfdbReadOptions.Informative);
            Assert.Equal(record.ReadSignals().ToPhysical(), signals[row][..lengths[row]]);
            Assert.All(signals[row][lengths[row]..], v => Assert.Equal(0f, v));
        }
    }

    [SkippableFact]
    public void Load_KeepsWholeRecords_AndCropsOnlyBeyondAStatedMaximum()
    {
        string folder = RepositoryPaths.RequireDataset("cinc2017");
        var database = new Cinc2017Database(folder, new Cinc2017Database.Options { Length = null, MaximumLength = 12000 });

        // A00001 and A00002 have 9000 samples, A00003 has 18000: cropped to its first 12000.
        var examples = database.Load().Take(3).ToList();

        Assert.Equal([9000, 9000, 12000], examples.Select(e => e.Length));
        var shape = database.SignalShape();
        Assert.Equal((1, 12000, true, 300f), (shape.Leads, shape.Samples, shape.VariableLength, shape.SamplingRate));
        var first = WfdbRecord.Open(Path.Combine(folder, "A00001"), WfdbReadOptions.Informative).ReadSignals().ToPhysical();
        Assert.Equal(first, examples[0].Signal);
    }

    [Fact]
    public void Constructor_Throws_WhenLengthAndMaximumLengthAreBothSet()
    {
        using var folder = new TemporaryFolder();
        folder.WriteText("REFERENCE.csv", "A00001,N\r\n");

        var error = Assert.Throws<ArgumentException>(() =>
            new Cinc2017Database(folder.Path, new Cinc2017Database.Options { Length = 9000, MaximumLength = 18300 }));

        Assert.Contains("MaximumLength needs Length = null", error.Message);
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

    [Fact]
    public void Constructor_ThrowsNamingBothLines_WhenARecordHasTwoLabels()
    {
        using var folder = new TemporaryFolder();
        string path = folder.WriteText("REFERENCE.csv", "A00001,N\nA00002,O\nA00003,N\nA00001,A\n");

        var error = Assert.Throws<DataFormatException>(() => new Cinc2017Database(folder.Path));

        Assert.Equal((path, 4, "label"), (error.FilePath, error.LineNumber, error.Field));
        Assert.Contains("record 'A00001' is labelled 'A' here but 'N' on line 1", error.Message);
    }

    [Fact]
    public void Constructor_KeepsARepeatedRecordOnce_WithAWarning_WhenItsLabelIsTheSame()
    {
        using var folder = new TemporaryFolder();
        string path = folder.WriteText("REFERENCE.csv", "A00001,N\nA00002,A\nA00001,N\nA00003,O\n");

        var database = new Cinc2017Database(folder.Path);

        Assert.Equal(["A00001", "A00002", "A00003"], database.Records.Select(r => r.RecordId));
        var warning = Assert.Single(database.Warnings);
        Assert.Equal((path, 3, "record"), (warning.FilePath, warning.LineNumber, warning.Field));
        Assert.Contains("first on line 1", warning.Message);
        Assert.Same(database.Warnings, ((IEcgDataset)database).Warnings);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\r\n\n")]
    public void Constructor_ThrowsNamingTheFile_WhenTheLabelFileListsNoRecord(string text)
    {
        using var folder = new TemporaryFolder();
        string path = folder.WriteText("REFERENCE.csv", text);

        var error = Assert.Throws<DataFormatException>(() => new Cinc2017Database(folder.Path));

        Assert.Equal((path, (int?)null), (error.FilePath, error.LineNumber));
        Assert.Contains("lists no record", error.Message);
    }

    [Fact]
    public void Constructor_ThrowsNamingLine_WhenARecordNameIsEmpty()
    {
        using var folder = new TemporaryFolder();
        string path = folder.WriteText("REFERENCE.csv", "A00001,N\n,A\n");

        var error = Assert.Throws<DataFormatException>(() => new Cinc2017Database(folder.Path));

        Assert.Equal((path, 2, "record"), (error.FilePath, error.LineNumber, error.Field));
    }

    [Fact]
    public void Constructor_EchoesAtMost200CharactersOfAHugeLabel()
    {
        using var folder = new TemporaryFolder();
        string label = new('x', 1_000_000);
        folder.WriteText("REFERENCE.csv", $"A00001,N\nA00002,{label}\n");

        var error = Assert.Throws<DataFormatException>(() => new Cinc2017Database(folder.Path));

        Assert.True(error.Message.Length < 600, $"message of {error.Message.Length} characters");
        Assert.Contains($"'{new string('x', 200)}…' (1000000 characters)", error.Message);
    }

    [Fact]
    public void OneClassLabelFile_IsRead_ButRefusedWhereTwoClassesAreNeeded()
    {
        using var folder = new TemporaryFolder();
        for (int i = 1; i <= 4; i++)
        {
            int[] lead = Enumerable.Range(0, 120).Select(k => (k * 7 * i) % 50 - 25).ToArray();
            folder.WriteBytes($"A{i:00000}.mat", TestRecords.Format16(lead, offset: 24));
            folder.WriteText($"A{i:00000}.hea", TestRecords.Header($"A{i:00000}", $"A{i:00000}.mat", "16+24", 300, ["I"], [lead], gain: "1000/mV"));
        }
        folder.WriteText("REFERENCE.csv", "A00001,N\nA00002,N\nA00003,N\nA00004,N\n");
        var mlContext = new MLContext(seed: 1);

        var database = new Cinc2017Database(folder.Path, new Cinc2017Database.Options { Length = 100 });
        IDataView data = mlContext.Transforms.Conversion.MapValueToKey(EcgColumns.Label)
            .Fit(mlContext.Data.LoadEcg(database, DatasetSplit.All)).Transform(mlContext.Data.LoadEcg(database, DatasetSplit.All));

        Assert.Equal(4, database.Records.Count);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => mlContext.MulticlassClassification.Trainers.Erts(new ErtsTrainer.Options()).Fit(data));
        Assert.Contains("has 1 class; at least 2 are needed", error.Message);
    }
}
