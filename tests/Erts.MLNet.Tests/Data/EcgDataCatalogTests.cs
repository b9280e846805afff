using Erts.MLNet.Data;
using Erts.MLNet.Data.Datasets;
using Erts.MLNet.Data.DataViews;
using Erts.MLNet.Tests.Infrastructure;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Erts.MLNet.Tests.Data;

public class EcgDataCatalogTests
{
    [SkippableFact]
    public void LoadEcg_StreamsMitBihBeats_WithTheLoadersShape()
    {
        string folder = RepositoryPaths.RequireDataset("mitdb");
        var mlContext = new MLContext(seed: 1);

        IDataView beats = mlContext.Data.LoadEcg(new MitBeatDatabase(folder), DatasetSplit.Test);

        var signal = (VectorDataViewType)beats.Schema[EcgColumns.Signal].Type;
        Assert.Equal(new[] { 1, 252 }, signal.Dimensions.ToArray());   // MLII, 0.25 s + 0.45 s at 360 Hz
        var first = beats.ToEcgExamples(maxRows: 5);
        Assert.Equal(5, first.Count);
        Assert.All(first, e => Assert.Contains(e.Label, new[] { "N", "S", "V", "F", "Q" }));
    }

    [SkippableFact]
    public void LoadEcg_GivesPtbXlValidationFold_AsTwelveLeadTenSecondRows()
    {
        string folder = RepositoryPaths.RequireDataset("ptbxl");
        var mlContext = new MLContext(seed: 1);

        IDataView train = mlContext.Data.LoadEcg(new PtbXlDatabase(folder), DatasetSplit.Train);

        var signal = (VectorDataViewType)train.Schema[EcgColumns.Signal].Type;
        Assert.Equal(new[] { 12, 1000 }, signal.Dimensions.ToArray());
        // The shared subset holds folds 1-8 only (353 rows); ecg_id 385 ({'PACE': 100.0}) has no diagnostic statement.
        Assert.Equal(352, train.ToEcgExamples().Count);
    }

    [Fact]
    public void LoadEcg_ThrowsNamingTheLoader_WhenTheSplitIsEmpty()
    {
        var mlContext = new MLContext(seed: 1);
        var error = Assert.Throws<InvalidOperationException>(() => mlContext.Data.LoadEcg(new EmptyDataset(), DatasetSplit.Test));
        Assert.Contains(nameof(EmptyDataset), error.Message);
    }

    [Fact]
    public void LoadEcg_TakesTheLoadersShape_WhenItStatesOne()
    {
        var mlContext = new MLContext(seed: 1);

        var view = mlContext.Data.LoadEcg(new WholeRecords(), DatasetSplit.All);

        Assert.Equal(new[] { 1, 10 }, ((VectorDataViewType)view.Schema[EcgColumns.Signal].Type).Dimensions.ToArray());
        Assert.Equal([3, 7], view.GetColumn<int>(EcgColumns.SignalLength));
    }

    private sealed class WholeRecords : IEcgDataset
    {
        public IEnumerable<EcgExample> Load(DatasetSplit split = DatasetSplit.All) =>
            [new("a", null, [1, 2, 3], 1, 100, "N", ["II"]), new("b", null, [1, 2, 3, 4, 5, 6, 7], 1, 100, "N", ["II"])];

        public EcgSignalShape SignalShape() => EcgSignalShape.UpTo(1, 10, ["II"], 100);
    }

    private sealed class EmptyDataset : IEcgDataset
    {
        public IEnumerable<EcgExample> Load(DatasetSplit split = DatasetSplit.All) => [];
    }
}
