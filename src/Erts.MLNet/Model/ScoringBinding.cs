using Microsoft.ML;
using Microsoft.ML.Data;

namespace Erts.MLNet.Model;

/// <summary>
/// How a trained model maps an input schema to its output schema: every input column (same index), then Score,
/// PredictedLabel and the optional explanation column. Shared by the lazy data view and the row mapper.
/// </summary>
internal sealed class ScoringBinding
{
    /// <summary>Validates <paramref name="input"/> against the model and builds the output schema.</summary>
    public ScoringBinding(DataViewSchema input, ModelDescription model)
    {
        ColumnRules.RequireTrainedSignal(input, model);
        Input = input;
        Model = model;
        Signal = input[model.SignalColumnName];

        var classNames = ScoreAnnotations.ToText(model.ClassNames);
        uint setId = ScoreAnnotations.NextScoreColumnSetId(input);
        var builder = new DataViewSchema.Builder();
        builder.AddColumns(input);
        builder.AddColumn(model.ScoreColumnName, new VectorDataViewType(NumberDataViewType.Single, model.Classes),
            ScoreAnnotations.ForScore(classNames, setId));
        builder.AddColumn(model.PredictedLabelColumnName, new KeyDataViewType(typeof(uint), model.Classes),
            ScoreAnnotations.ForPredictedLabel(classNames, setId));
        if (model.ExplanationColumnName is { } explanation)
            builder.AddColumn(explanation, new VectorDataViewType(NumberDataViewType.Single, model.Samples));
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

    /// <summary>Index of the Score column in <see cref="Output"/>.</summary>
    public int ScoreIndex => Input.Count;

    /// <summary>Index of the PredictedLabel column in <see cref="Output"/>.</summary>
    public int PredictedLabelIndex => Input.Count + 1;

    /// <summary>Index of the explanation column in <see cref="Output"/>, or -1.</summary>
    public int ExplanationIndex => Model.ExplanationColumnName is null ? -1 : Input.Count + 2;

    /// <summary>True when <paramref name="column"/> of <see cref="Output"/> is computed by the network.</summary>
    public bool IsOutput(DataViewSchema.Column column) => column.Index >= Input.Count;

    /// <summary>True when any of <paramref name="columns"/> needs the Grad-CAM pass.</summary>
    public bool NeedsExplanation(IEnumerable<DataViewSchema.Column> columns) => columns.Any(c => c.Index == ExplanationIndex);

    /// <summary>The input columns needed to produce <paramref name="outputColumns"/>.</summary>
    public IEnumerable<DataViewSchema.Column> InputColumnsFor(IEnumerable<DataViewSchema.Column> outputColumns)
    {
        var needed = new SortedDictionary<int, DataViewSchema.Column>();
        foreach (var column in outputColumns)
        {
            var source = IsOutput(column) ? Signal : Input[column.Index];
            needed[source.Index] = source;
        }
        return needed.Values;
    }
}
