using Erts.MLNet.Model;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Erts.MLNet.Tests.Model;

public sealed class LookaheadCursorTests
{
    private readonly MLContext _mlContext = new(seed: 1);

    [Fact]
    public void ReadAhead_ReturnsTheWindowLength_AndStopsAtTheEndOfTheInput()
    {
        var view = _mlContext.Data.LoadFromEnumerable(MixedRow.Make(6));
        using var cursor = new LookaheadCursor(view, view.Schema, capacity: 4);

        var served = new List<(long Position, long WindowStart, int Slot)>();
        var lengths = new List<int>();
        while (cursor.MoveNext())
        {
            if (cursor.Slot == 0) lengths.Add(cursor.ReadAhead());
            served.Add((cursor.Position, cursor.WindowStart, cursor.Slot));
        }

        Assert.Equal([4, 2], lengths);
        Assert.Equal([(0, 0, 0), (1, 0, 1), (2, 0, 2), (3, 0, 3), (4, 4, 0), (5, 4, 1)], served);
        Assert.False(cursor.MoveNext());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void GetGetter_GivesTheInputsValuesOfEveryType_WithOrWithoutReadingAhead(bool readAhead)
    {
        var rows = MixedRow.Make(7);
        var view = _mlContext.Data.LoadFromEnumerable(rows);
        using var cursor = new LookaheadCursor(view, view.Schema, capacity: 3);
        var text = cursor.GetGetter<ReadOnlyMemory<char>>(view.Schema[nameof(MixedRow.Text)]);
        var number = cursor.GetGetter<double>(view.Schema[nameof(MixedRow.Number)]);
        var flag = cursor.GetGetter<bool>(view.Schema[nameof(MixedRow.Flag)]);
        var values = cursor.GetGetter<VBuffer<float>>(view.Schema[nameof(MixedRow.Values)]);
        var id = cursor.GetIdGetter();
        ReadOnlyMemory<char> t = default;
        double n = 0;
        bool f = false;
        VBuffer<float> v = default;
        DataViewRowId rowId = default;

        var read = new List<MixedRow>();
        var ids = new List<DataViewRowId>();
        while (cursor.MoveNext())
        {
            if (readAhead) cursor.ReadAhead();
            text(ref t);
            number(ref n);
            flag(ref f);
            values(ref v);
            id(ref rowId);
            read.Add(new MixedRow { Text = t.ToString(), Number = n, Flag = f, Values = v.DenseValues().ToArray() });
            ids.Add(rowId);
        }

        Assert.Equal(rows, read);
        Assert.Equal(Enumerable.Range(0, 7).Select(i => new DataViewRowId((ulong)i, 0)), ids);
    }

    [Fact]
    public void GetGetter_CallsTheInputOncePerRow_WhenAValueIsReadBeforeAndAfterReadingAhead()
    {
        var upstream = new CountingUpstream(_mlContext, count: 10);
        var signalColumn = upstream.View.Schema["Signal"];
        using var cursor = new LookaheadCursor(upstream.View, [signalColumn], capacity: 4);
        var signal = cursor.GetGetter<VBuffer<float>>(signalColumn);
        VBuffer<float> value = default;

        while (cursor.MoveNext())
        {
            signal(ref value);
            if (cursor.Slot == 0) cursor.ReadAhead();
            signal(ref value);
        }

        Assert.Equal(10, upstream.MappedSignals);
    }

    [Fact]
    public void GetGetter_GivesACopy_ThatTheConsumerMayOverwrite()
    {
        var view = _mlContext.Data.LoadFromEnumerable(MixedRow.Make(2));
        var column = view.Schema[nameof(MixedRow.Values)];
        using var cursor = new LookaheadCursor(view, [column], capacity: 2);
        var values = cursor.GetGetter<VBuffer<float>>(column);
        VBuffer<float> value = default;

        cursor.MoveNext();
        cursor.ReadAhead();
        values(ref value);
        VBufferEditor.CreateFromBuffer(ref value).Values.Fill(-1);
        values(ref value);

        Assert.Equal(MixedRow.Make(2)[0].Values, value.DenseValues());
    }

    [Fact]
    public void Getters_Throw_WhenNotOnARowOrNotRequestedOrNotReadAhead()
    {
        var view = _mlContext.Data.LoadFromEnumerable(MixedRow.Make(2));
        using var cursor = new LookaheadCursor(view, [view.Schema[nameof(MixedRow.Number)]], capacity: 2);
        var number = cursor.GetGetter<double>(view.Schema[nameof(MixedRow.Number)]);
        double value = 0;

        Assert.Throws<InvalidOperationException>(() => number(ref value));
        Assert.True(cursor.MoveNext());
        Assert.Throws<InvalidOperationException>(() => cursor.Read(view.Schema[nameof(MixedRow.Number)], 0, ref value));
        Assert.Throws<InvalidOperationException>(() => cursor.GetGetter<ReadOnlyMemory<char>>(view.Schema[nameof(MixedRow.Text)]));
        Assert.Throws<InvalidOperationException>(() => cursor.GetGetter<float>(view.Schema[nameof(MixedRow.Number)]));
        Assert.False(cursor.IsColumnActive(view.Schema[nameof(MixedRow.Text)]));
    }

    /// <summary>One row with a column of each kind a scored view passes through.</summary>
    public sealed record MixedRow
    {
        public string Text { get; init; } = "";

        public double Number { get; init; }

        public bool Flag { get; init; }

        [VectorType(3)]
        public float[] Values { get; init; } = [];

        public static List<MixedRow> Make(int count) =>
            Enumerable.Range(0, count)
                .Select(i => new MixedRow { Text = $"row {i}", Number = i * 1.5, Flag = i % 2 == 0, Values = [i, -i, 0.5f * i] })
                .ToList();

        public bool Equals(MixedRow? other) =>
            other is not null && (Text, Number, Flag) == (other.Text, other.Number, other.Flag) && Values.SequenceEqual(other.Values);

        public override int GetHashCode() => HashCode.Combine(Text, Number, Flag);
    }
}
