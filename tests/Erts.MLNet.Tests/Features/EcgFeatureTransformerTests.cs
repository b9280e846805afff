using Erts.MLNet.Catalog;
using Erts.MLNet.Data;
using Erts.MLNet.Data.DataViews;
using Erts.MLNet.Features;
using Erts.MLNet.Persistence;
using Erts.MLNet.Transforms;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Erts.MLNet.Tests.Features;

public class EcgFeatureTransformerTests
{
    private const float Rate = 360;

    private static IDataView Strips(params double[] rrSeconds) => new MLContext().Data.LoadEcg(
        rrSeconds.Select((rr, i) => new EcgExample($"r{i}", null, TestSignals.Spikes(TestSignals.Regular(rr, 10), 10, Rate), 1, Rate,
            rr < 0.9 ? "fast" : "slow", ["II"])).ToList());

    private static float[][] Features(IDataView view) =>
        view.GetColumn<VBuffer<float>>("Features").Select(v => v.DenseValues().ToArray()).ToArray();

    [Fact]
    public void Transform_AddsFeaturesVectorWithSlotNames()
    {
        var mlContext = new MLContext();
        var output = mlContext.Transforms.Ecg.ExtractFeatures(EcgFeatureSet.Rhythm).Fit(Strips(1.0)).Transform(Strips(1.0));

        var column = output.Schema["Features"];
        var expected = new EcgFeatureExtractor(EcgFeatureSet.Rhythm, Rate, 3600).SlotNames;
        Assert.Equal(new VectorDataViewType(NumberDataViewType.Single, expected.Count), column.Type);
        VBuffer<ReadOnlyMemory<char>> slotNames = default;
        column.GetSlotNames(ref slotNames);
        Assert.Equal(expected, slotNames.DenseValues().Select(n => n.ToString()));
        Assert.NotNull(output.Schema.GetColumnOrNull("Signal"));
        Assert.Equal(1.0, Features(output)[0][expected.ToList().IndexOf("RR.Mean")], 3);
    }

    [Fact]
    public void GetOutputSchema_DescribesFeaturesWithSlotNames_BeforeFitting()
    {
        var estimator = new MLContext().Transforms.Ecg.ExtractFeatures(EcgFeatureSet.Beat, outputColumnName: "Beat");
        var rate = MlNetBridge.Column("SamplingRate", SchemaShape.Column.VectorKind.Scalar, NumberDataViewType.Single, false);
        var signal = MlNetBridge.Column("Signal", SchemaShape.Column.VectorKind.Vector, NumberDataViewType.Single, false, new SchemaShape([rate]));
        var shape = estimator.GetOutputSchema(new SchemaShape([signal]));
        var column = shape.Single(c => c.Name == "Beat");
        Assert.Equal(SchemaShape.Column.VectorKind.Vector, column.Kind);
        Assert.Equal(NumberDataViewType.Single, column.ItemType);
        Assert.Contains(column.Annotations, a => a.Name == "SlotNames");
    }

    [Fact]
    public void SaveAndLoad_GiveIdenticalFeatures()
    {
        var data = Strips(0.75, 1.1);
        var mlContext = new MLContext();
        var model = mlContext.Transforms.Ecg.ExtractFeatures(EcgFeatureSet.Beat, leadName: "ii", beatPositionSeconds: 5).Fit(data);
        using var stream = new MemoryStream();
        mlContext.Model.Save(model, data.Schema, stream);
        stream.Position = 0;

        var loadingContext = new MLContext();
        loadingContext.ComponentCatalog.RegisterErtsComponents();
        var loaded = loadingContext.Model.Load(stream, out _);

        var reloaded = Assert.IsType<EcgFeatureTransformer>(loaded is TransformerChain<ITransformer> chain ? chain.Single() : loaded);
        Assert.Equal((EcgFeatureSet.Beat, "ii", (double?)5), (reloaded.FeatureSet, reloaded.LeadName, reloaded.BeatPositionSeconds));
        Assert.Equal(Features(model.Transform(data)), Features(loaded.Transform(data)));
    }

    [Fact]
    public void Fit_Throws_NamingTheColumn_WhenTheLeadIsMissing()
    {
        var error = Assert.Throws<SignalColumnException>(() =>
            new MLContext().Transforms.Ecg.ExtractFeatures(leadName: "V1").Fit(Strips(1.0)));
        Assert.Equal("Signal", error.ColumnName);
        Assert.Contains("'V1'", error.Message);
    }

    [Fact]
    public void Catalog_Throws_ForNegativeBeatPosition() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new MLContext().Transforms.Ecg.ExtractFeatures(EcgFeatureSet.Beat, beatPositionSeconds: -1));

    [Theory]
    [InlineData(EcgFeatureSet.Rhythm)]
    [InlineData(EcgFeatureSet.Beat)]
    public void Transform_GivesEachPaddedRecordTheFeaturesOfTheRecordAlone(EcgFeatureSet featureSet)
    {
        // Records of 10, 6 and 8 s, padded to 10 s: padding would add a flat stretch (no beats) to the shorter ones.
        var records = new[] { (0.8, 10.0), (1.0, 6.0), (0.7, 8.0) }
            .Select((r, i) => new EcgExample($"r{i}", null, TestSignals.Spikes(TestSignals.Regular(r.Item1, r.Item2), r.Item2, Rate), 1, Rate, "x", ["II"]))
            .ToList();
        var mlContext = new MLContext();
        var view = EcgDataView.FromList(records);
        var estimator = mlContext.Transforms.Ecg.ExtractFeatures(featureSet);

        var features = Features(estimator.Fit(view).Transform(view));

        Assert.Equal([3600, 2160, 2880], view.GetColumn<int>(EcgColumns.SignalLength));
        for (int row = 0; row < records.Count; row++)
        {
            var alone = EcgDataView.FromList([records[row]]);
            Assert.Equal(Features(estimator.Fit(alone).Transform(alone))[0], features[row]);
        }
        if (featureSet == EcgFeatureSet.Rhythm)
            Assert.Equal(1.0, features[1][new EcgFeatureExtractor(featureSet, Rate, 2160).SlotNames.ToList().IndexOf("RR.Mean")], 3);
    }

    [Fact]
    public void Transform_ThrowsNamingTheRow_WhenARecordIsShorterThanTheBeatPosition()
    {
        var view = EcgDataView.FromList([
            new EcgExample("long", null, TestSignals.Spikes(TestSignals.Regular(1.0, 10), 10, Rate), 1, Rate, "x", ["II"]),
            new EcgExample("short", null, TestSignals.Spikes(TestSignals.Regular(1.0, 4), 4, Rate), 1, Rate, "x", ["II"])]);
        var mlContext = new MLContext();
        var output = mlContext.Transforms.Ecg.ExtractFeatures(EcgFeatureSet.Beat, beatPositionSeconds: 5).Fit(view).Transform(view);

        var error = Assert.Throws<SignalLengthException>(() => Features(output));

        Assert.Equal((1L, 1440), (error.Row, error.Length));
        Assert.Contains("ExtractFeatures: row 1", error.Message);
        Assert.Contains("beat position", error.Message);
    }
}
