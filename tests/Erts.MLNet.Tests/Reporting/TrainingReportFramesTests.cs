using Erts.MLNet.Data.Datasets;
using Erts.MLNet.Networks;
using Erts.MLNet.Reporting;
using Erts.MLNet.Training;
using Microsoft.Data.Analysis;

namespace Erts.MLNet.Tests.Reporting;

public class TrainingReportFramesTests
{
    private static TrainingReport Report() => new()
    {
        Policy = "erts-dbpd",
        Network = Backbone.SmallCnn1d,
        TrainingSetSize = 100,
        ValidationSetSize = 20,
        Threads = 2,
        Seed = 42,
        BestEpoch = 1,
        WallClockSeconds = 3,
        Epochs =
        [
            new EpochReport(0, "warmup", 100, 100, 1.0, 0, 0, 0, 0, 1.5, 0.2, 0.9, 0.40, 0.50, 1e-3),
            new EpochReport(1, "selection", 100, 30, 1.3, 100, 40, 0.1, 0.3, 0.5, 0.2, 0.6, 0.55, 0.65, 1e-3),
        ],
        FocusHistograms = Histograms(),
    };

    private static FocusHistogram[] Histograms()
    {
        var tally = new FocusTally(epoch: 1, flaggedRows: null);
        tally.Add(7, kept: true, confidence: 0.2f, focus: 0.835f, scoreAgeEpochs: 0);
        return tally.Histograms.ToArray();
    }

    [Fact]
    public void ToDataFrame_HasOneRowPerEpochAndOneColumnPerValue()
    {
        DataFrame frame = Report().ToDataFrame();
        Assert.Equal(2, frame.Rows.Count);
        Assert.Equal(
            ["Epoch", "Phase", "SamplesSeen", "SamplesKept", "KeptFraction", "CumulativeEffectiveEpochs", "ConfidencePassSamples",
             "GradCamSamples", "ConfidenceSeconds", "GradCamSeconds", "UpdateSeconds", "ValidationSeconds", "TotalSeconds",
             "TrainLoss", "ValidationMacroF1", "ValidationAccuracy", "LearningRate"],
            frame.Columns.Select(c => c.Name));
        Assert.Equal("selection", frame["Phase"][1]);
        Assert.Equal(0.3, (double)frame["KeptFraction"][1]!, 12);
        Assert.Equal(1.1, (double)frame["TotalSeconds"][1]!, 12);
        Assert.Equal(0.55, (double)frame["ValidationMacroF1"].Max(), 12);
    }

    [Fact]
    public void ToDataFrame_ListsEveryBinOfTheFocusHistograms()
    {
        DataFrame frame = Report().FocusHistograms.ToDataFrame();
        Assert.Equal(FocusHistogram.Bins, frame.Rows.Count);
        Assert.Equal(["Epoch", "Kept", "Flagged", "BinStart", "Confidence", "Focus", "Reliability"], frame.Columns.Select(c => c.Name));
        Assert.Equal((1, true, false, 0.83, 1), ((int)frame["Epoch"][83]!, (bool)frame["Kept"][83]!, (bool)frame["Flagged"][83]!, (double)frame["BinStart"][83]!, (int)frame["Focus"][83]!));
        Assert.Equal(1, (int)frame["Confidence"][20]!);
        Assert.Equal(1, (int)frame["Reliability"][66]!); // (1 - 0.2) x 0.835
        Assert.Equal(1L, Convert.ToInt64(frame["Focus"].Sum(), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void ToDataFrame_ListsPtbXlEntriesWithSortedSuperclasses()
    {
        PtbXlEntry[] entries =
        [
            new(1, "15709", 3, "records100/00000/00001_lr", [new("NORM", 100)], "NORM", new HashSet<string> { "NORM" }),
            new(2, "13243", 10, "records100/00000/00002_lr", [new("IMI", 80), new("LVH", 50)], "MI", new HashSet<string> { "MI", "HYP" }),
        ];
        DataFrame frame = entries.ToDataFrame();
        Assert.Equal(["EcgId", "PatientId", "StratFold", "RecordPath", "Superclass", "Superclasses"], frame.Columns.Select(c => c.Name));
        Assert.Equal((2, 10, "HYP|MI"), ((int)frame["EcgId"][1]!, (int)frame["StratFold"][1]!, (string)frame["Superclasses"][1]!));
    }
}
