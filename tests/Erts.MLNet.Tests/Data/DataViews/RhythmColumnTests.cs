using Erts.MLNet.Data;
using Erts.MLNet.Data.DataViews;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Erts.MLNet.Tests.Data.DataViews;

/// <summary>The optional <c>Rhythm</c> column of ECG views.</summary>
public class RhythmColumnTests
{
    private static readonly string[] Slots = ["PreviousRR", "NextRR", "RecordRR"];

    private static EcgExample Beat(int i, float[]? rhythm) =>
        new($"rec/{i}", "p", [i, i + 0.5f], 1, 360f, "N", ["MLII"]) { Rhythm = rhythm is null ? null : new FeatureVector(Slots, rhythm) };

    [Fact]
    public void FromList_AddsAnnotatedRhythmColumn_WhenExamplesCarryRhythm()
    {
        var view = EcgDataView.FromList([Beat(0, [1f, 2f, 3f]), Beat(1, [4f, 5f, 6f])]);

        Assert.Equal([.. EcgColumns.All, EcgColumns.Rhythm], view.Schema.Select(c => c.Name));
        var column = view.Schema[EcgColumns.Rhythm];
        Assert.Equal(new VectorDataViewType(NumberDataViewType.Single, 3), column.Type);
        VBuffer<ReadOnlyMemory<char>> names = default;
        column.GetSlotNames(ref names);
        Assert.Equal(Slots, names.DenseValues().Select(n => n.ToString()));
        Assert.Equal(Slots, view.RhythmSlotNames);
        Assert.Equal([[1f, 2f, 3f], [4f, 5f, 6f]], view.GetColumn<float[]>(EcgColumns.Rhythm));
    }

    [Fact]
    public void ToEcgExamples_ReadsRhythmBack()
    {
        var read = EcgDataView.FromList([Beat(0, [1f, 2f, 3f])]).ToEcgExamples();

        Assert.Equal(Slots, read[0].Rhythm!.SlotNames);
        Assert.Equal([1f, 2f, 3f], read[0].Rhythm!.Values);
    }

    [Fact]
    public void Views_HaveNoRhythmColumn_WhenNotAskedFor()
    {
        var withoutRhythm = EcgDataView.FromList([Beat(0, null)]);
        var notAsked = EcgDataView.Create(() => [Beat(0, [1f, 2f, 3f])], EcgSignalShape.Of(Beat(0, null)));

        Assert.Equal(EcgColumns.All, withoutRhythm.Schema.Select(c => c.Name));
        Assert.Equal(EcgColumns.All, notAsked.Schema.Select(c => c.Name));
        Assert.Null(notAsked.ToEcgExamples()[0].Rhythm);
    }

    [Fact]
    public void Cursor_ThrowsNamingTheRecord_WhenARowLacksTheRhythmOrHasAnotherSize()
    {
        var shape = EcgSignalShape.Of(Beat(0, null));
        var missing = EcgDataView.Create(() => [Beat(0, [1f, 2f, 3f]), Beat(1, null)], shape, rhythmSlotNames: Slots);
        var shorter = new MLContext(1).Data.LoadEcg(() => [new EcgExample("rec/2", null, [0f, 0f], 1, 360f, "N", ["MLII"])
            { Rhythm = new FeatureVector(["A", "B"], [1f, 2f]) }], shape, rhythmSlotNames: Slots);

        var error = Assert.Throws<EcgShapeException>(() => missing.ToEcgExamples());
        Assert.Equal("rec/1", error.RecordId);
        Assert.Contains("no rhythm vector", error.Message);
        Assert.Contains("2 values", Assert.Throws<EcgShapeException>(() => shorter.ToEcgExamples()).Message);
        Assert.Throws<EcgShapeException>(() => EcgDataView.FromList([Beat(0, [1f, 2f, 3f]), Beat(1, null)]));
    }

    [Fact]
    public void FeatureVector_Throws_WhenNamesAndValuesDiffer()
    {
        Assert.Throws<ArgumentException>(() => new FeatureVector(Slots, [1f]));
        Assert.Throws<ArgumentException>(() => EcgSchema.Create(EcgSignalShape.Of(Beat(0, null)), []));
    }
}
