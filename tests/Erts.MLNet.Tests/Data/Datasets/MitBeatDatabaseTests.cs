using Erts.MLNet.Data;
using Erts.MLNet.Data.Datasets;
using Erts.MLNet.Data.DataViews;
using Erts.MLNet.Data.Wfdb;
using Erts.MLNet.Tests.Data.Wfdb;
using Erts.MLNet.Tests.Infrastructure;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Erts.MLNet.Tests.Data.Datasets;

/// <summary>Decodes MIT-BIH once (all beat windows of every record with MLII) for the tests that need signals.</summary>
public sealed class MitdbBeatsFixture
{
    private readonly Lazy<IReadOnlyList<(string RecordId, string? PatientId, string Label, int Length, string Lead)>> beats;

    public MitdbBeatsFixture()
    {
        // Only the metadata of each example is kept: the windows themselves would be ~110 MB.
        beats = new(() => new MitBeatDatabase(Folder!).Load()
            .Select(e => (e.RecordId, e.PatientId, e.Label, e.Length, e.LeadNames[0])).ToList());
    }

    public string? Folder { get; } = RepositoryPaths.SharedData is { } data && Directory.Exists(Path.Combine(data, "mitdb")) ? Path.Combine(data, "mitdb") : null;

    public IReadOnlyList<(string RecordId, string? PatientId, string Label, int Length, string Lead)> Beats => beats.Value;
}

public sealed class MitBeatDatabaseTests(MitdbBeatsFixture fixture) : IClassFixture<MitdbBeatsFixture>
{
    private static string Mitdb() => RepositoryPaths.RequireDataset("mitdb");

    [SkippableFact]
    public void EnumerateBeats_GivesPublishedAamiTotals_ForAllRecords()
    {
        var database = new MitBeatDatabase(Mitdb());

        var byClass = database.EnumerateBeats().GroupBy(b => b.AamiClass).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(48, database.Records.Count);
        Assert.Equal(109494, byClass.Values.Sum());
        Assert.Equal((90631, 2781, 7236, 803, 8043), (byClass["N"], byClass["S"], byClass["V"], byClass["F"], byClass["Q"]));
    }

    [SkippableFact]
    public void EnumerateBeats_FollowsDeChazal2004_ForTrainAndTest()
    {
        var database = new MitBeatDatabase(Mitdb());

        var train = database.EnumerateBeats(DatasetSplit.Train).ToList();
        var test = database.EnumerateBeats(DatasetSplit.Test).ToList();

        // de Chazal et al. 2004, Table I: DS1 51,021 beats (N 45,866 / S 944 / V 3,788 / F 415 / Q 8), DS2 49,712.
        Assert.Equal(22, train.Select(b => b.RecordId).Distinct().Count());
        Assert.Equal(22, test.Select(b => b.RecordId).Distinct().Count());
        Assert.Equal(51021, train.Count);
        Assert.Equal(49712, test.Count);
        Assert.Equal([45866, 944, 3788, 415, 8], AamiCounts(train));
        Assert.Equal([44259, 1837, 3221, 388, 7], AamiCounts(test));
        Assert.DoesNotContain(train.Concat(test), b => b.RecordId is "102" or "104" or "107" or "217");
    }

    [SkippableFact]
    public void Load_CutsMliiWindowsAroundEveryBeat_SkippingRecordsWithoutMliiAndBeatsAtTheEdges()
    {
        Skip.If(fixture.Folder is null, "mitdb absent");
        var beats = fixture.Beats;

        var records = beats.Select(b => b.RecordId.Split('/')[0]).Distinct().ToList();
        Assert.Equal(46, records.Count);
        Assert.DoesNotContain("102", records);
        Assert.DoesNotContain("104", records);
        Assert.All(beats, b => Assert.Equal(("MLII", 252), (b.Lead, b.Length))); // 114 too, though MLII is its second signal
        // Every AAMI beat of the 46 records, minus those within a window of either end of a record.
        var annotated = new MitBeatDatabase(fixture.Folder!).EnumerateBeats().Where(b => b.RecordId is not ("102" or "104")).ToList();
        int insideWindows = annotated.Count(b => b.Sample >= 90 && b.Sample + 162 <= 650000);
        Assert.Equal(insideWindows, beats.Count);
        Assert.InRange(annotated.Count - insideWindows, 0, 2 * 46); // at most a beat or so at each end of a record
    }

    [SkippableFact]
    public void Load_GivesRecords201And202TheSamePatient()
    {
        Skip.If(fixture.Folder is null, "mitdb absent");
        var patients = fixture.Beats.Where(b => b.RecordId.StartsWith("20")).GroupBy(b => b.RecordId.Split('/')[0])
            .ToDictionary(g => g.Key, g => g.First().PatientId);

        Assert.Equal("201", patients["201"]);
        Assert.Equal("201", patients["202"]);
        Assert.Equal("203", patients["203"]);
    }

    [SkippableFact]
    public void Load_ReadsSignalsInMillivolts_AroundTheRPeak()
    {
        var options = new MitBeatDatabase.Options
        {
            Leads = ["V1", "MLII"],
            WindowBefore = SignalDuration.FromSamples(2),
            WindowAfter = SignalDuration.FromSamples(3),
            Split = BeatSplit.ByRecord(["100"], []),
        };
        var record = WfdbRecord.Open(Path.Combine(Mitdb(), "100"));
        WfdbAnnotation firstBeat = WfdbAnnotations.Read(Path.Combine(Mitdb(), "100"), "atr").First(a => a.IsBeat);

        // Record 100 has MLII and V5: no V1, so it is skipped.
        Assert.Empty(new MitBeatDatabase(Mitdb(), options).Load(DatasetSplit.Train));
        var mlii = new MitBeatDatabase(Mitdb(), options with { Leads = ["V5", "MLII"] }).Load(DatasetSplit.Train).First();
        float[] expected = record.ReadSignals(firstBeat.Sample - 2, 5, [1, 0]).ToPhysical();
        Assert.Equal(expected, mlii.Signal);
        Assert.Equal(("100/" + firstBeat.Sample, 2, 360f, "N"), (mlii.RecordId, mlii.Leads, mlii.SamplingRate, mlii.Label));
    }

    [SkippableFact]
    public void EnumerateBeats_LabelsRhythmFromAuxNotes()
    {
        var database = new MitBeatDatabase(Mitdb(), new MitBeatDatabase.Options { Split = BeatSplit.ByRecord(["201"], []) });

        var rhythms = database.EnumerateBeats(DatasetSplit.Train).Select(b => b.Rhythm).Distinct().ToList();

        Assert.Contains("AFIB", rhythms);
        Assert.Contains("N", rhythms);
    }

    [SkippableFact]
    public void IntraPatient_PutsEveryRecordInBothParts()
    {
        var database = new MitBeatDatabase(Mitdb(), new MitBeatDatabase.Options { Split = BeatSplit.IntraPatient(0.2, seed: 42) });

        var beats = database.EnumerateBeats().Where(b => b.RecordId == "100").ToList();

        Assert.Equal(Math.Round(beats.Count * 0.8), beats.Count(b => b.Split == DatasetSplit.Train), 1.0);
        Assert.Equal(beats.Count, beats.Count(b => b.Split is DatasetSplit.Train or DatasetSplit.Test));
    }

    [SkippableFact]
    public void Load_GivesEachBeatItsRRContext_FromTheAnnotationSamples_InRecord100()
    {
        string folder = Mitdb();
        var options = new MitBeatDatabase.Options { Split = BeatSplit.ByRecord(["100"], []) };
        long[] beats = WfdbAnnotations.Read(Path.Combine(folder, "100"), "atr").Where(a => a.IsBeat).Select(a => a.Sample).ToArray();

        var examples = new MitBeatDatabase(folder, options).Load(DatasetSplit.Train).ToList();

        double recordRr = (beats[^1] - beats[0]) / 360.0 / (beats.Length - 1);
        foreach (int i in new[] { 1, 500, 1000, beats.Length - 2 })
        {
            EcgExample beat = examples.Single(e => e.RecordId == $"100/{beats[i]}");
            float[] rhythm = beat.Rhythm!.Values;
            Assert.Equal(BeatRhythm.SlotNames, beat.Rhythm.SlotNames);
            Assert.Equal(recordRr, rhythm[Slot("RecordRRSeconds")], 5);
            Assert.Equal((beats[i] - beats[i - 1]) / 360.0, rhythm[Slot("PreviousRR/RecordRR")] * recordRr, 5);
            Assert.Equal((beats[i + 1] - beats[i]) / 360.0, rhythm[Slot("NextRR/RecordRR")] * recordRr, 5);
        }
    }

    // 220 and 222 have isolated atrial premature beats among normal ones. Not 209, whose A beats come in runs of
    // supraventricular tachycardia (the local mean shortens with them: 0.89 on average), nor 232, whose only
    // N-class beats (RBBB) end long pauses.
    [SkippableTheory]
    [InlineData("220")]
    [InlineData("222")]
    public void Load_GivesAtrialPrematureBeats_APreviousToLocalRatioBelowOne(string record)
    {
        var options = new MitBeatDatabase.Options { Label = BeatLabel.Symbol, Split = BeatSplit.ByRecord([record], []) };

        var beats = new MitBeatDatabase(Mitdb(), options).Load(DatasetSplit.Train).ToList();

        var (premature, normal) = (MeanPreviousToLocal(beats, "A"), MeanPreviousToLocal(beats, "N"));
        Assert.True(beats.Count(b => b.Label == "A") >= 90, $"record {record}: too few A beats");
        Assert.True(premature < 0.75, $"record {record}: mean previous/local RR of A beats is {premature:0.000}");
        Assert.True(Math.Abs(normal - 1) < 0.05, $"record {record}: mean previous/local RR of N beats is {normal:0.000}");
    }

    [SkippableFact]
    public void Load_GivesClassSBeats_APreviousToLocalRatioBelowOne_AcrossDS1()
    {
        var beats = new MitBeatDatabase(Mitdb()).Load(DatasetSplit.Train).ToList();

        var (supraventricular, normal) = (MeanPreviousToLocal(beats, "S"), MeanPreviousToLocal(beats, "N"));
        Assert.True(supraventricular < 0.85, $"DS1: mean previous/local RR of S beats is {supraventricular:0.000}");
        Assert.True(Math.Abs(normal - 1) < 0.05, $"DS1: mean previous/local RR of N beats is {normal:0.000}");
    }

    [SkippableFact]
    public void LoadEcg_HasRhythmColumnWithSlotNames_UnlessRhythmFeaturesIsOff()
    {
        var options = new MitBeatDatabase.Options { Split = BeatSplit.ByRecord(["100"], []) };
        var mlContext = new MLContext(seed: 1);

        var withRhythm = mlContext.Data.LoadEcg(new MitBeatDatabase(Mitdb(), options), DatasetSplit.Train);
        var without = new MitBeatDatabase(Mitdb(), options with { RhythmFeatures = false });

        VBuffer<ReadOnlyMemory<char>> names = default;
        withRhythm.Schema[EcgColumns.Rhythm].GetSlotNames(ref names);
        Assert.Equal(BeatRhythm.SlotNames, names.DenseValues().Select(n => n.ToString()));
        Assert.Equal(new VectorDataViewType(NumberDataViewType.Single, BeatRhythm.SlotNames.Count), withRhythm.Schema[EcgColumns.Rhythm].Type);
        Assert.Null(without.Load(DatasetSplit.Train).First().Rhythm);
        Assert.Null(mlContext.Data.LoadEcg(without, DatasetSplit.Train).Schema.GetColumnOrNull(EcgColumns.Rhythm));
    }

    [Fact]
    public void EnumerateBeats_ThrowsNamingTheFile_WhenAnnotationsAreMissing()
    {
        using var folder = new TemporaryFolder();
        folder.WriteText("RECORDS", "r\n");
        folder.WriteText("r.hea", "r 1 360 2\nr.dat 16 200 16 0 0 0 0 MLII\n");

        var error = Assert.Throws<WfdbFormatException>(() => new MitBeatDatabase(folder.Path).EnumerateBeats().ToList());

        Assert.Equal(folder.Combine("r.atr"), error.FilePath);
    }

    private static int Slot(string name) => BeatRhythm.SlotNames.ToList().IndexOf(name);

    private static double MeanPreviousToLocal(IEnumerable<EcgExample> beats, string label) =>
        beats.Where(b => b.Label == label).Average(b => b.Rhythm!.Values[Slot("PreviousRR/LocalRR")]);

    [Fact]
    public void EnumerateBeats_KeepsOnlyAamiBeatSymbols_SkippingNotQrsAndUserCodes()
    {
        using var folder = new TemporaryFolder();
        folder.WriteText("RECORDS", "r\n");
        folder.WriteText("r.hea", "r 1 360 1000\nr.dat 16 200 16 0 0 0 0 MLII\n");
        folder.WriteBytes("r.atr", new MitAnnotationBuilder()
            .Word(22, 0).Aux("## time resolution: 360").Skip(-1).Word(0, 1) // note and NOTQRS at 0, as WFDB heads a file
            .Word(1, 100)                                                   // N at 100
            .Word(0, 50)                                                    // NOTQRS at 150
            .Word(53, 50)                                                   // user-defined code at 200
            .Word(5, 100)                                                   // V at 300
            .Word(16, 10)                                                   // "|" isolated QRS-like artifact at 310
            .Word(28, 10).Aux("(AFIB")                                      // rhythm change at 320
            .Word(13, 80)                                                   // Q unclassifiable beat at 400
            .End().ToArray());

        var beats = new MitBeatDatabase(folder.Path).EnumerateBeats().ToList();

        Assert.Equal(
            [(100L, "N", "N", (string?)null), (300L, "V", "V", null), (400L, "Q", "Q", "AFIB")],
            beats.Select(b => (b.Sample, b.Symbol, b.AamiClass, b.Rhythm)));
    }

    private static int[] AamiCounts(IEnumerable<MitBeat> beats) =>
        AamiBeatClasses.All.Select(c => beats.Count(b => b.AamiClass == c)).ToArray();
}
