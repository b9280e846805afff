using Microsoft.ML;
using Microsoft.ML.Data;

namespace Erts.MLNet.Model;

/// <summary>
/// How a trained model maps an input schema to its output schema: every input column (same index), then Score,
/// PredictedLabel, the optional explanation column and the optional embedding column. Shared by the lazy data view
/// and the row mapper.
/// </summary>
internal sealed class ScoringBinding
{
    /// <summary>Validates <paramref name="input"/> against the model and builds the output schema.</summary>
    /// <param name="input">The schema to score.</param>
    /// <param name="model">The trained model's shape and column names.</param>
    /// <param name="embeddingSize">Values per embedding (used only when the model has an embedding column).</param>
    /// <param name="checkLeadsAndRate">
    /// Whether the signal's lead names and sampling rate (its annotations) must be those the model was trained on
    /// (<see cref="SignalProvenance.RequireSameAs"/>); the size is always checked.
    /// </param>
    public ScoringBinding(DataViewSchema input, ModelDescription model, int embeddingSize, bool checkLeadsAndRate = true)
    {
        ColumnRules.RequireTrainedSignal(input, model);
        Input = input;
        Model = model;
        Signal = input[model.SignalColumnName];
        if (checkLeadsAndRate) SignalProvenance.Of(model).RequireSameAs(SignalProvenance.Of(Signal, model.Leads), Signal.Name);
        // The record lengths are read when the scored view has the column (whole records), whatever training had.
        var lengthName = model.SignalLengthColumnName ?? Data.DataViews.EcgColumns.SignalLength;
        if (input.GetColumnOrNull(lengthName) is { } length && length.Type == NumberDataViewType.Int32) Length = length;
        if (model.AuxiliaryColumnName is { } auxiliaryName)
        {
            var auxiliary = input.GetColumnOrNull(auxiliaryName)
                ?? throw new ArgumentOutOfRangeException(nameof(input), $"The model reads auxiliary features from column '{auxiliaryName}', which the data does not have.");
            if (auxiliary.Type is not VectorDataViewType { ItemType: var item, Size: var size } || item != NumberDataViewType.Single || size != model.AuxiliarySize)
                throw new ArgumentOutOfRangeException(nameof(input),
                    $"The model reads {model.AuxiliarySize} Single auxiliary features from column '{auxiliaryName}'; it is {auxiliary.Type}.");
            Auxiliary = auxiliary;
        }

        var classNames = ScoreAnnotations.ToText(model.ClassNames);
        uint setId = ScoreAnnotations.NextScoreColumnSetId(input);
        var builder = new DataViewSchema.Builder();
        builder.AddColumns(input);
        builder.AddColumn(model.ScoreColumnName, new VectorDataViewType(NumberDataViewType.Single, model.Classes),
            ScoreAnnotations.ForScore(classNames, setId));
        builder.AddColumn(model.PredictedLabelColumnName, new KeyDataViewType(typeof(uint), model.Classes),
            ScoreAnnotations.ForPredictedLabel(classNames, setId));
        int next = PredictedLabelIndex + 1;
        if (model.ExplanationColumnName is { } explanation)
        {
            builder.AddColumn(explanation, new VectorDataViewType(NumberDataViewType.Single, model.Samples));
            ExplanationIndex = next++;
        }
        if (model.EmbeddingColumnName is { } embedding)
        {
            var slotNames = ScoreAnnotations.ToText(Enumerable.Range(0, embeddingSize).Select(i => $"emb{i}").ToList());
            builder.AddColumn(embedding, new VectorDataViewType(NumberDataViewType.Single, embeddingSize), ScoreAnnotations.ForSlotNames(slotNames));
            EmbeddingIndex = next;
        }
        Output = builder.ToSchema();
    }

    /// <summary>The schema scored.</summary>
    public DataViewSchema Input { get; }

    /// <summary>Input columns followed by the model's outputs.</summary>
    public DataViewSchema Output { get; }

    /// <summary>The trained model's shape and column names.</summary>
    public ModelDescription Model { get; }

    /// <summary>The input signal column.</summary>
    public DataViewSchema.Column Signal { get; }

    /// <summary>The input's record-length column, or null when rows fill the signal.</summary>
    public DataViewSchema.Column? Length { get; }

    /// <summary>The input's auxiliary-feature column when the model reads one, else null.</summary>
    public DataViewSchema.Column? Auxiliary { get; }

    /// <summary>Index of the Score column in <see cref="Output"/>.</summary>
    public int ScoreIndex => Input.Count;

    /// <summary>Index of the PredictedLabel column in <see cref="Output"/>.</summary>
    public int PredictedLabelIndex => Input.Count + 1;

    /// <summary>Index of the explanation column in <see cref="Output"/>, or -1.</summary>
    public int ExplanationIndex { get; } = -1;

    /// <summary>Index of the embedding column in <see cref="Output"/>, or -1.</summary>
    public int EmbeddingIndex { get; } = -1;

    /// <summary>True when <paramref name="column"/> of <see cref="Output"/> is computed by the network.</summary>
    public bool IsOutput(DataViewSchema.Column column) => column.Index >= Input.Count;

    /// <summary>What the forward pass must compute besides probabilities to produce <paramref name="columns"/>.</summary>
    public ExtraOutputs ExtrasFor(IEnumerable<DataViewSchema.Column> columns) =>
        columns.Aggregate(ExtraOutputs.None, (extras, column) =>
            column.Index == ExplanationIndex ? extras | ExtraOutputs.Explanation :
            column.Index == EmbeddingIndex ? extras | ExtraOutputs.Embedding :
            extras);

    /// <summary>The input columns needed to produce <paramref name="outputColumns"/>.</summary>
    public IEnumerable<DataViewSchema.Column> InputColumnsFor(IEnumerable<DataViewSchema.Column> outputColumns)
    {
        var needed = new SortedDictionary<int, DataViewSchema.Column>();
        foreach (var column in outputColumns)
        {
            if (!IsOutput(column))
            {
                needed[column.Index] = Input[column.Index];
                continue;
            }
            foreach (var source in new[] { Signal, Length, Auxiliary }.OfType<DataViewSchema.Column>()) needed[source.Index] = source;
        }
        return needed.Values;
    }
}
