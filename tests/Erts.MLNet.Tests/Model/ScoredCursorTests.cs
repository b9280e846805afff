using Erts.MLNet.Model;
using Erts.MLNet.Networks;
using Erts.MLNet.Tests.Training;
using Microsoft.ML;
using Microsoft.ML.Data;
using TorchSharp;

namespace Erts.MLNet.Tests.Model;

/// <summary>
/// The scored view's cursor (<see cref="ScoredCursor"/>), seen through <c>ErtsTransformer.Transform</c>: batches of
/// <see cref="ScoredCursor.BatchSize"/> rows, one read of the input per row.
/// </summary>
public sealed class ScoredCursorTests
{
    // Two batches and a part: 64 + 64 + 22.
    private const int RowCount = 150;

    private readonly MLContext _mlContext = new(seed: 1);

    [Fact]
    public void MoveNext_ComputesEachUpstreamRowOnce_WhenAllRowsAndScoresAreRead()
    {
        var upstream = new CountingUpstream(_mlContext, RowCount);
        using var transformer = ErtsTrainerTestRows.UntrainedTransformer();
        var scored = transformer.Transform(upstream.View);

        int rows = ReadEveryColumn(scored);

        Assert.Equal(RowCount, rows);
        Assert.Equal(RowCount, upstream.LoadedRows);
        Assert.Equal(RowCount, upstream.MappedSignals);
    }

    [Fact]
    public void MoveNext_ComputesEachUpstreamRowOnce_WhenEvaluated()
    {
        var upstream = new CountingUpstream(_mlContext, RowCount);
        using var transformer = ErtsTrainerTestRows.UntrainedTransformer();
        var keyed = ErtsTrainerTestRows.Keyed(_mlContext, upstream.View);
        int loadedToFitTheKeys = upstream.LoadedRows;

        var metrics = _mlContext.MulticlassClassification.Evaluate(transformer.Transform(keyed));

        Assert.InRange(metrics.MacroAccuracy, 0, 1);
        Assert.Equal(RowCount, upstream.LoadedRows - loadedToFitTheKeys);
        Assert.Equal(RowCount, upstream.MappedSignals);
    }

    [Fact]
    public void MoveNext_ComputesNoSignal_WhenNoOutputIsRead()
    {
        var upstream = new CountingUpstream(_mlContext, RowCount);
        using var transformer = ErtsTrainerTestRows.UntrainedTransformer();

        var labels = transformer.Transform(upstream.View).GetColumn<ReadOnlyMemory<char>>("Label").ToList();

        Assert.Equal(RowCount, labels.Count);
        Assert.Equal(0, upstream.MappedSignals);  // no signal read: no forward pass either
    }

    [Fact]
    public void GetGetter_GivesTheInputsColumnsAndIds_ForRowsReadAhead()
    {
        var input = ErtsTrainerTestRows.View(_mlContext, count: RowCount);
        using var transformer = ErtsTrainerTestRows.UntrainedTransformer();
        var scored = transformer.Transform(input);

        using var expected = input.GetRowCursor(input.Schema);
        var expectedLabel = expected.GetGetter<ReadOnlyMemory<char>>(input.Schema["Label"]);
        var expectedSignal = expected.GetGetter<VBuffer<float>>(input.Schema["Signal"]);
        var expectedId = expected.GetIdGetter();
        using var cursor = scored.GetRowCursor(scored.Schema);
        var label = cursor.GetGetter<ReadOnlyMemory<char>>(scored.Schema["Label"]);
        var signal = cursor.GetGetter<VBuffer<float>>(scored.Schema["Signal"]);
        var score = cursor.GetGetter<VBuffer<float>>(scored.Schema["Score"]);
        var id = cursor.GetIdGetter();
        ReadOnlyMemory<char> a = default, b = default;
        VBuffer<float> x = default, y = default, probabilities = default;
        DataViewRowId i = default, j = default;
        while (expected.MoveNext())
        {
            Assert.True(cursor.MoveNext());
            Assert.Equal(expected.Position, cursor.Position);
            Assert.Equal(expected.Batch, cursor.Batch);
            // Score first: the cursor reads the next rows ahead before their input columns are asked for.
            score(ref probabilities);
            expectedLabel(ref a);
            label(ref b);
            expectedSignal(ref x);
            signal(ref y);
            expectedId(ref i);
            id(ref j);
            Assert.Equal(a.ToString(), b.ToString());
            Assert.Equal(x.DenseValues(), y.DenseValues());
            Assert.Equal(i, j);
        }
        Assert.False(cursor.MoveNext());
    }

    [Fact]
    public void GetGetter_GivesTheNetworksScores_InBatchesOf64()
    {
        using var transformer = ErtsTrainerTestRows.UntrainedTransformer(out var network);
        var rows = ErtsTrainerTestRows.Rows(count: RowCount);

        var scores = ErtsTrainerTestRows.Scores(transformer.Transform(ErtsTrainerTestRows.View(_mlContext, count: RowCount)));

        // The same forward passes the cursor makes, on the same runs of rows, give the very same numbers.
        var expected = rows.Chunk(ScoredCursor.BatchSize).SelectMany(batch => NetworkScores(network, batch)).ToList();
        Assert.Equal(expected, scores);
    }

    [Fact]
    public void IsColumnActive_IsTrueOnlyForTheColumnsAskedFor()
    {
        using var transformer = ErtsTrainerTestRows.UntrainedTransformer();
        var scored = transformer.Transform(ErtsTrainerTestRows.View(_mlContext, count: 3));

        using var cursor = scored.GetRowCursor([scored.Schema["Score"]]);

        Assert.Equal([false, false, true, false], scored.Schema.Select(cursor.IsColumnActive));
        Assert.Throws<InvalidOperationException>(() => cursor.GetGetter<ReadOnlyMemory<char>>(scored.Schema["Label"]));
    }

    /// <summary>Reads every column of every row, outputs first (so that rows are read ahead); returns the row count.</summary>
    private static int ReadEveryColumn(IDataView scored)
    {
        using var cursor = scored.GetRowCursor(scored.Schema);
        var score = cursor.GetGetter<VBuffer<float>>(scored.Schema["Score"]);
        var predicted = cursor.GetGetter<uint>(scored.Schema["PredictedLabel"]);
        var label = cursor.GetGetter<ReadOnlyMemory<char>>(scored.Schema["Label"]);
        var signal = cursor.GetGetter<VBuffer<float>>(scored.Schema["Signal"]);
        VBuffer<float> probabilities = default, values = default;
        ReadOnlyMemory<char> text = default;
        uint key = 0;
        int rows = 0;
        while (cursor.MoveNext())
        {
            score(ref probabilities);
            predicted(ref key);
            label(ref text);
            signal(ref values);
            rows++;
        }
        return rows;
    }

    private static IEnumerable<float[]> NetworkScores(EcgNetwork network, TinyEcgRow[] rows)
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        network.eval();
        var input = torch.tensor(rows.SelectMany(r => r.Signal).ToArray(), [rows.Length, 2, 128]);
        var values = torch.nn.functional.softmax(network.Head(network.Trunk(input)), 1).data<float>().ToArray();
        int classes = values.Length / rows.Length;
        return Enumerable.Range(0, rows.Length).Select(i => values[(i * classes)..((i + 1) * classes)]).ToList();
    }
}
