using Erts.MLNet.Data;
using Erts.MLNet.Data.DataViews;
using Erts.MLNet.Data.Synthetic;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Erts.MLNet.Tests.Data.DataViews;

public class EcgDataViewTests
{
    private static readonly string[] TwoLeads = ["MLII", "V1"];

    private static EcgExample Example(int i, int leads = 2, int samples = 4, float rate = 360f) =>
        new($"rec-{i}", i % 2 == 0 ? $"p{i / 2}" : null, Enumerable.Range(0, leads * samples).Select(v => i + v / 10f).ToArray(),
            leads, rate, i % 3 == 0 ? "N" : "V", leads == 2 ? TwoLeads : Enumerable.Range(0, leads).Select(l => $"L{l}").ToArray());

    [Fact]
    public void Schema_HasDocumentedColumnsTypesAndAnnotations()
    {
        var view = EcgDataView.Create(() => [], leads: 2, samples: 4, TwoLeads, samplingRate: 360f);

        Assert.Equal(EcgColumns.All, view.Schema.Select(c => c.Name));
        var signal = Assert.IsType<VectorDataViewType>(view.Schema[EcgColumns.Signal].Type);
        Assert.Equal(NumberDataViewType.Single, signal.ItemType);
        Assert.Equal([2, 4], signal.Dimensions.ToArray());
        Assert.Equal(8, signal.Size);
        Assert.Equal(TextDataViewType.Instance, view.Schema[EcgColumns.Label].Type);
        Assert.Equal(TextDataViewType.Instance, view.Schema[EcgColumns.RecordId].Type);
        Assert.Equal(TextDataViewType.Instance, view.Schema[EcgColumns.PatientId].Type);
        Assert.Equal(NumberDataViewType.Single, view.Schema[EcgColumns.SamplingRate].Type);

        var annotations = view.Schema[EcgColumns.Signal].Annotations;
        Assert.Equal(new VectorDataViewType(TextDataViewType.Instance, 2), annotations.Schema[EcgColumns.LeadNamesAnnotation].Type);
        VBuffer<ReadOnlyMemory<char>> names = default;
        annotations.GetValue(EcgColumns.LeadNamesAnnotation, ref names);
        Assert.Equal(TwoLeads, names.DenseValues().Select(n => n.ToString()));
        float rate = 0;
        annotations.GetValue(EcgColumns.SamplingRateAnnotation, ref rate);
        Assert.Equal(360f, rate);
        Assert.Equal(view.Shape, EcgSchema.ReadShape(view.Schema), new ShapeComparer());
    }

    [Fact]
    public void Cursor_ReadsRowsInOrderWithAllValues()
    {
        var examples = Enumerable.Range(0, 5).Select(i => Example(i)).ToList();
        var view = EcgDataView.FromList(examples);

        var read = view.ToEcgExamples();

        Assert.Equal(5L, view.GetRowCount());
        Assert.Equal(examples.Select(e => e.RecordId), read.Select(e => e.RecordId));
        Assert.Equal(examples.Select(e => e.PatientId), read.Select(e => e.PatientId));
        Assert.Equal(examples.Select(e => e.Label), read.Select(e => e.Label));
        Assert.Equal(examples.Select(e => e.Signal), read.Select(e => e.Signal));
        Assert.All(read, e => Assert.Equal(360f, e.SamplingRate));
        Assert.All(read, e => Assert.Equal(TwoLeads, e.LeadNames));
    }

    [Fact]
    public void Cursor_ConsumesOnlyTheRowsRead_FromAMillionExampleSource()
    {
        int produced = 0;
        IEnumerable<EcgExample> Source()
        {
            for (int i = 0; i < 1_000_000; i++)
            {
                produced++;
                yield return Example(i);
            }
        }
        var view = EcgDataView.Create(Source, 2, 4, TwoLeads, 360f);

        var firstHundred = view.ToEcgExamples(maxRows: 100);

        Assert.Equal(100, firstHundred.Count);
        Assert.Equal(100, produced);
        Assert.Null(view.GetRowCount());
    }

    [Fact]
    public void Cursor_ThrowsNamingTheRecord_WhenShapeDiffers()
    {
        var examples = new[] { Example(0), Example(1, samples: 5), Example(2) };
        var view = EcgDataView.Create(() => examples, 2, 4, TwoLeads, 360f);

        using var cursor = view.GetRowCursor(view.Schema);
        Assert.True(cursor.MoveNext());
        var error = Assert.Throws<EcgShapeException>(() => cursor.MoveNext());
        Assert.Equal("rec-1", error.RecordId);
        Assert.Contains("'rec-1'", error.Message);
        Assert.Contains("10 values", error.Message);
    }

    [Fact]
    public void Cursor_ThrowsNamingTheRecord_WhenSamplingRateDiffers()
    {
        var view = EcgDataView.Create(() => [Example(0, rate: 250f)], 2, 4, TwoLeads, 360f);

        var error = Assert.Throws<EcgShapeException>(() => view.ToEcgExamples());
        Assert.Contains("250 Hz", error.Message);
    }

    [Fact]
    public void FromList_Throws_WhenExamplesDisagree()
    {
        Assert.Throws<EcgShapeException>(() => EcgDataView.FromList([Example(0), Example(1, leads: 3)]));
    }

    [Fact]
    public void Cursor_PadsShorterRecordsAtTheEnd_AndGivesTheirLengths_WhenShapeIsVariableLength()
    {
        var examples = new[] { Example(0, samples: 4), Example(1, samples: 2), Example(2, samples: 3) };
        var view = EcgDataView.Create(() => examples, EcgSignalShape.UpTo(2, 4, TwoLeads, 360f));

        var signals = view.GetColumn<VBuffer<float>>(view.Schema[EcgColumns.Signal]).Select(v => v.DenseValues().ToArray()).ToArray();

        Assert.Equal([.. EcgColumns.All, EcgColumns.SignalLength], view.Schema.Select(c => c.Name));
        Assert.Equal(NumberDataViewType.Int32, view.Schema[EcgColumns.SignalLength].Type);
        Assert.Equal([4, 2, 3], view.GetColumn<int>(EcgColumns.SignalLength));
        Assert.Equal(examples[0].Signal, signals[0]);
        Assert.Equal([1f, 1.1f, 0, 0, 1.2f, 1.3f, 0, 0], signals[1]);   // each lead padded, lead-major
        Assert.Equal([2f, 2.1f, 2.2f, 0, 2.3f, 2.4f, 2.5f, 0], signals[2]);
    }

    [Fact]
    public void Cursor_ThrowsNamingTheRecord_WhenLongerThanTheMaximum()
    {
        var view = EcgDataView.Create(() => [Example(0, samples: 3), Example(1, samples: 5)], EcgSignalShape.UpTo(2, 4, TwoLeads, 360f));

        var error = Assert.Throws<EcgShapeException>(() => view.ToEcgExamples());

        Assert.Equal("rec-1", error.RecordId);
        Assert.Contains("5 samples per lead", error.Message);
        Assert.Contains("up to 4", error.Message);
    }

    [Fact]
    public void ToEcgExamples_GivesRecordsTheirOwnLength_FromAWholeRecordView()
    {
        var examples = new[] { Example(0, samples: 2), Example(1, samples: 5), Example(2, samples: 4) };

        var read = EcgDataView.FromList(examples).ToEcgExamples();

        Assert.Equal(examples.Select(e => e.Signal), read.Select(e => e.Signal));
        Assert.Equal([2, 5, 4], read.Select(e => e.Length));
    }

    [Fact]
    public void FromList_PadsToTheLongest_OnlyWhenLengthsDiffer()
    {
        var same = EcgDataView.FromList([Example(0), Example(1)]);
        var different = EcgDataView.FromList([Example(0, samples: 2), Example(1, samples: 5)]);

        Assert.Equal((4, false), (same.Shape.Samples, same.Shape.VariableLength));
        Assert.Null(same.Schema.GetColumnOrNull(EcgColumns.SignalLength));
        Assert.Equal((5, true), (different.Shape.Samples, different.Shape.VariableLength));
        Assert.Equal([2, 5], different.GetColumn<int>(EcgColumns.SignalLength));
    }

    [Fact]
    public void GetRowCursorSet_ReturnsOneCursor_AndViewCannotShuffle()
    {
        var view = EcgDataView.FromList([Example(0)]);

        Assert.Single(view.GetRowCursorSet(view.Schema, n: 4));
        Assert.False(view.CanShuffle);
    }

    [Fact]
    public void GetGetter_Throws_WhenTypeIsWrongOrColumnInactive()
    {
        var view = EcgDataView.FromList([Example(0)]);
        using var cursor = view.GetRowCursor([view.Schema[EcgColumns.Label]]);

        Assert.Throws<InvalidOperationException>(() => cursor.GetGetter<float>(view.Schema[EcgColumns.Label]));
        Assert.Throws<InvalidOperationException>(() => cursor.GetGetter<float>(view.Schema[EcgColumns.SamplingRate]));
        Assert.False(cursor.IsColumnActive(view.Schema[EcgColumns.Signal]));
    }

    [Fact]
    public void LoadSyntheticEcg_WorksInAnMlNetPipeline()
    {
        var mlContext = new MLContext(seed: 1);
        var options = new SyntheticEcgOptions { ExamplesPerClass = 3, LeadNames = ["I", "II", "V1"], DurationSeconds = 2 };
        var view = mlContext.Data.LoadSyntheticEcg(options);

        var keyed = mlContext.Transforms.Conversion.MapValueToKey(EcgColumns.Label).Fit(view).Transform(view);
        var labels = mlContext.Data.CreateEnumerable<LabelRow>(keyed, reuseRowObject: false).Select(r => r.Label).ToList();
        var cached = mlContext.Data.Cache(view).ToEcgExamples();

        Assert.Equal(15L, view.GetRowCount());
        Assert.Equal([1u, 2u, 3u, 4u, 5u, 1u], labels.Take(6));
        Assert.Equal(new SyntheticEcgGenerator(options).Generate(4).Example.Signal, cached[4].Signal);
        Assert.Equal([3, 500], ((VectorDataViewType)keyed.Schema[EcgColumns.Signal].Type).Dimensions.ToArray());
    }

    private sealed class LabelRow
    {
        public uint Label { get; set; }
    }

    private sealed class ShapeComparer : IEqualityComparer<EcgSignalShape>
    {
        public bool Equals(EcgSignalShape? x, EcgSignalShape? y) =>
            x!.Leads == y!.Leads && x.Samples == y.Samples && x.SamplingRate == y.SamplingRate && x.LeadNames.SequenceEqual(y.LeadNames);

        public int GetHashCode(EcgSignalShape obj) => obj.Leads;
    }
}
