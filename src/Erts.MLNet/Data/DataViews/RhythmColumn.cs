using Microsoft.ML;
using Microsoft.ML.Data;

namespace Erts.MLNet.Data.DataViews;

/// <summary>
/// The optional <see cref="EcgColumns.Rhythm"/> column: each row's <see cref="EcgExample.Rhythm"/> as a known-size
/// <c>Single</c> vector with a <c>SlotNames</c> annotation, as ML.NET feature columns carry. Kept apart from the signal
/// columns so that a view without it is exactly the five-column convention.
/// </summary>
internal static class RhythmColumn
{
    // ML.NET's AnnotationUtils.Kinds.SlotNames, which is internal; the public GetSlotNames reads this kind.
    private const string SlotNamesKind = "SlotNames";

    /// <summary>Adds the column, sized and annotated by <paramref name="slotNames"/>, to a schema being built.</summary>
    public static void Add(DataViewSchema.Builder builder, IReadOnlyList<string> slotNames)
    {
        var names = new VBuffer<ReadOnlyMemory<char>>(slotNames.Count, slotNames.Select(n => n.AsMemory()).ToArray());
        var annotations = new DataViewSchema.Annotations.Builder();
        annotations.Add(SlotNamesKind, new VectorDataViewType(TextDataViewType.Instance, slotNames.Count),
            (ref VBuffer<ReadOnlyMemory<char>> value) => names.CopyTo(ref value));
        builder.AddColumn(EcgColumns.Rhythm, new VectorDataViewType(NumberDataViewType.Single, slotNames.Count), annotations.ToAnnotations());
    }

    /// <summary>The slot names of the schema's rhythm column, or null when it has none or it is not a known-size <c>Single</c> vector.</summary>
    public static IReadOnlyList<string>? SlotNamesOf(DataViewSchema schema)
    {
        if (schema.GetColumnOrNull(EcgColumns.Rhythm) is not { Type: VectorDataViewType { ItemType: var item, Size: > 0 and var size } } column
            || item != NumberDataViewType.Single)
            return null;
        if (!column.HasSlotNames()) return Enumerable.Range(0, size).Select(i => $"Rhythm{i}").ToArray();
        VBuffer<ReadOnlyMemory<char>> names = default;
        column.GetSlotNames(ref names);
        return names.DenseValues().Select(n => n.ToString()).ToArray();
    }

    /// <summary>Throws <see cref="EcgShapeException"/> when a view with <paramref name="slotNames"/> cannot show the example's rhythm.</summary>
    public static void Check(EcgExample example, IReadOnlyList<string>? slotNames)
    {
        if (slotNames is null) return;   // a view without the column ignores any rhythm the examples carry
        if (example.Rhythm is not { } rhythm)
            throw new EcgShapeException(example.RecordId, $"it has no rhythm vector; the view has a '{EcgColumns.Rhythm}' column of {slotNames.Count} values (ask the loader for rhythm features).");
        if (rhythm.Values.Length != slotNames.Count)
            throw new EcgShapeException(example.RecordId, $"its rhythm vector has {rhythm.Values.Length} values; the view's '{EcgColumns.Rhythm}' column has {slotNames.Count}.");
    }

    /// <summary>Copies a row's rhythm values into an ML.NET vector.</summary>
    public static void Read(EcgExample example, ref VBuffer<float> value)
    {
        float[] values = example.Rhythm!.Values;
        var editor = VBufferEditor.Create(ref value, values.Length);
        values.AsSpan().CopyTo(editor.Values);
        value = editor.Commit();
    }
}
