using Erts.MLNet.Persistence;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Erts.MLNet.Model;

/// <summary>
/// The annotation names and values ML.NET's own multiclass trainers put on Score and PredictedLabel, which
/// <c>Evaluate</c>, <c>MapKeyToValue</c> and the confusion table read. The constants live in ML.NET's internal
/// <c>AnnotationUtils</c>, so they are spelled out here.
/// </summary>
internal static class ScoreAnnotations
{
    public const string SlotNames = "SlotNames";
    public const string KeyValues = "KeyValues";
    public const string TrainingLabelValues = "TrainingLabelValues";
    public const string ScoreColumnSetId = "ScoreColumnSetId";
    public const string ScoreColumnKind = "ScoreColumnKind";
    public const string ScoreValueKind = "ScoreValueKind";

    public const string MulticlassClassification = "MulticlassClassification";
    public const string ScoreValue = "Score";
    public const string PredictedLabelValue = "PredictedLabel";

    /// <summary>ML.NET's type of score-column-set ids.</summary>
    public static readonly KeyDataViewType ScoreColumnSetIdType = new(typeof(uint), int.MaxValue);

    /// <summary>The next free score-column-set id: one more than the largest on any input column (as ML.NET numbers them).</summary>
    public static uint NextScoreColumnSetId(DataViewSchema input)
    {
        uint max = 0;
        foreach (var column in input)
        {
            var annotation = column.Annotations.Schema.GetColumnOrNull(ScoreColumnSetId);
            if (annotation?.Type is not KeyDataViewType { RawType: var raw } || raw != typeof(uint)) continue;
            uint id = 0;
            column.Annotations.GetValue(ScoreColumnSetId, ref id);
            max = Math.Max(max, id);
        }
        return max + 1;
    }

    /// <summary>Score: class names as slot names and training label values, plus the score kind markers.</summary>
    public static DataViewSchema.Annotations ForScore(VBuffer<ReadOnlyMemory<char>> classNames, uint scoreColumnSetId)
    {
        var builder = new DataViewSchema.Annotations.Builder();
        builder.Add(SlotNames, ClassNamesType(classNames), (ref VBuffer<ReadOnlyMemory<char>> value) => classNames.CopyTo(ref value));
        builder.Add(TrainingLabelValues, ClassNamesType(classNames), (ref VBuffer<ReadOnlyMemory<char>> value) => classNames.CopyTo(ref value));
        AddScoreMarkers(builder, scoreColumnSetId, ScoreValue);
        return builder.ToAnnotations();
    }

    /// <summary>PredictedLabel: the class names as key values (what <c>MapKeyToValue</c> needs), plus the score kind markers.</summary>
    public static DataViewSchema.Annotations ForPredictedLabel(VBuffer<ReadOnlyMemory<char>> classNames, uint scoreColumnSetId)
    {
        var builder = new DataViewSchema.Annotations.Builder();
        builder.Add(KeyValues, ClassNamesType(classNames), (ref VBuffer<ReadOnlyMemory<char>> value) => classNames.CopyTo(ref value));
        AddScoreMarkers(builder, scoreColumnSetId, PredictedLabelValue);
        return builder.ToAnnotations();
    }

    /// <summary>Slot names alone (what a feature vector such as the embedding carries), e.g. emb0, emb1, ...</summary>
    public static DataViewSchema.Annotations ForSlotNames(VBuffer<ReadOnlyMemory<char>> slotNames)
    {
        var builder = new DataViewSchema.Annotations.Builder();
        builder.Add(SlotNames, ClassNamesType(slotNames), (ref VBuffer<ReadOnlyMemory<char>> value) => slotNames.CopyTo(ref value));
        return builder.ToAnnotations();
    }

    /// <summary>The annotations of <see cref="ForSlotNames"/> as a pipeline schema shape.</summary>
    public static SchemaShape SlotNamesShape() => new([TextVectorShape(SlotNames)]);

    /// <summary>The annotations of Score as a pipeline schema shape (what <c>GetOutputSchema(SchemaShape)</c> promises).</summary>
    public static SchemaShape ScoreShape() => new(
    [
        TextVectorShape(SlotNames),
        TextVectorShape(TrainingLabelValues),
        .. MarkerShapes(),
    ]);

    /// <summary>The annotations of PredictedLabel as a pipeline schema shape.</summary>
    public static SchemaShape PredictedLabelShape() => new([TextVectorShape(KeyValues), .. MarkerShapes()]);

    /// <summary>Class names as the <c>Vector&lt;Text, K&gt;</c> annotation value.</summary>
    public static VBuffer<ReadOnlyMemory<char>> ToText(IReadOnlyList<string> classNames) =>
        new(classNames.Count, classNames.Select(name => name.AsMemory()).ToArray());

    private static VectorDataViewType ClassNamesType(VBuffer<ReadOnlyMemory<char>> classNames) =>
        new(TextDataViewType.Instance, classNames.Length);

    private static void AddScoreMarkers(DataViewSchema.Annotations.Builder builder, uint scoreColumnSetId, string valueKind)
    {
        builder.Add(ScoreColumnSetId, ScoreColumnSetIdType, (ref uint value) => value = scoreColumnSetId);
        builder.Add(ScoreColumnKind, TextDataViewType.Instance, (ref ReadOnlyMemory<char> value) => value = MulticlassClassification.AsMemory());
        builder.Add(ScoreValueKind, TextDataViewType.Instance, (ref ReadOnlyMemory<char> value) => value = valueKind.AsMemory());
    }

    private static SchemaShape.Column TextVectorShape(string name) =>
        MlNetBridge.Column(name, SchemaShape.Column.VectorKind.Vector, TextDataViewType.Instance, isKey: false);

    private static SchemaShape.Column[] MarkerShapes() =>
    [
        MlNetBridge.Column(ScoreColumnSetId, SchemaShape.Column.VectorKind.Scalar, NumberDataViewType.UInt32, isKey: true),
        MlNetBridge.Column(ScoreColumnKind, SchemaShape.Column.VectorKind.Scalar, TextDataViewType.Instance, isKey: false),
        MlNetBridge.Column(ScoreValueKind, SchemaShape.Column.VectorKind.Scalar, TextDataViewType.Instance, isKey: false),
    ];
}
