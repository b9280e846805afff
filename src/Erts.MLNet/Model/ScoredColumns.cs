using Microsoft.ML;
using Microsoft.ML.Data;

namespace Erts.MLNet.Model;

/// <summary>
/// Column access shared by the scored cursor and the scored row: input columns pass through to the input row,
/// output columns read the network's result for the current row, which <paramref name="current"/> supplies
/// (computing it on first demand).
/// </summary>
internal sealed class ScoredColumns(
    ScoringBinding binding,
    DataViewRow input,
    IEnumerable<DataViewSchema.Column> activeColumns,
    Func<(PredictionBatch Batch, int Row)> current)
{
    private delegate ReadOnlySpan<float> RowValues(PredictionBatch batch, int row);

    private readonly HashSet<int> _active = activeColumns.Select(c => c.Index).ToHashSet();

    /// <summary>What the forward pass must compute besides probabilities for the active columns (Grad-CAM, embedding).</summary>
    public ExtraOutputs Extras => binding.ExtrasFor(binding.Output.Where(IsActive));

    /// <summary>True when <paramref name="column"/> was requested.</summary>
    public bool IsActive(DataViewSchema.Column column) => _active.Contains(column.Index);

    /// <summary>The getter of an active column.</summary>
    /// <exception cref="InvalidOperationException">The column is inactive, or <typeparamref name="TValue"/> is not its type.</exception>
    public ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
    {
        if (!IsActive(column))
            throw new InvalidOperationException($"Column '{column.Name}' was not requested when the cursor or row was created.");
        if (!binding.IsOutput(column)) return input.GetGetter<TValue>(binding.Input[column.Index]);

        Delegate getter =
            column.Index == binding.ScoreIndex ? VectorGetter((batch, row) => batch.Probabilities(row)) :
            column.Index == binding.PredictedLabelIndex ? PredictedKeyGetter() :
            column.Index == binding.EmbeddingIndex ? VectorGetter((batch, row) => batch.Embedding(row)) :
            VectorGetter((batch, row) => batch.Profile(row));
        return getter as ValueGetter<TValue>
            ?? throw new InvalidOperationException($"Column '{column.Name}' is {column.Type}; a getter of {typeof(TValue).Name} was asked for.");
    }

    private ValueGetter<VBuffer<float>> VectorGetter(RowValues values) => (ref VBuffer<float> destination) =>
    {
        var (batch, row) = current();
        var source = values(batch, row);
        var editor = VBufferEditor.Create(ref destination, source.Length);
        source.CopyTo(editor.Values);
        destination = editor.Commit();
    };

    // Keys are 1-based; 0 would mean "missing".
    private ValueGetter<uint> PredictedKeyGetter() => (ref uint value) =>
    {
        var (batch, row) = current();
        value = (uint)batch.PredictedClass(row) + 1;
    };
}
