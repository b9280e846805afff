using System.Text.Json;
using Erts.Pipelines;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Erts.Experiments.Recipe;

/// <summary>
/// A model's class probabilities on a part of a dataset, kept so that decisions made from them (e.g. a logit
/// adjustment) can be chosen on one part and applied to another without training again.
/// </summary>
/// <param name="ClassNames">Class names in the model's key order (the order of every probability vector).</param>
/// <param name="Labels">True class of each row.</param>
/// <param name="Probabilities">The model's class probabilities of each row.</param>
public sealed record ScoredRows(IReadOnlyList<string> ClassNames, IReadOnlyList<string> Labels, IReadOnlyList<float[]> Probabilities)
{
    /// <summary>Scores <paramref name="data"/> with <paramref name="model"/>; <paramref name="labels"/> are the rows' classes in order.</summary>
    public static ScoredRows Score(ITransformer model, IReadOnlyList<string> classNames, IDataView data, IReadOnlyList<string> labels)
    {
        var scores = model.Transform(data).GetColumn<float[]>("Score").ToArray();
        if (scores.Length != labels.Count) throw new InvalidOperationException($"{scores.Length} scores for {labels.Count} labels.");
        return new ScoredRows(classNames, labels, scores);
    }

    /// <summary>Rows of both sets (same classes in the same order).</summary>
    public ScoredRows Concat(ScoredRows other) =>
        other.ClassNames.SequenceEqual(ClassNames)
            ? new ScoredRows(ClassNames, [.. Labels, .. other.Labels], [.. Probabilities, .. other.Probabilities])
            : throw new ArgumentException("The two sets order their classes differently.", nameof(other));

    /// <summary>
    /// The metrics of the decision argmax_c (log p_c + <paramref name="tau"/> · log prior_c), by ML.NET's evaluator.
    /// </summary>
    public EvaluationSummary Evaluate(MLContext mlContext, IReadOnlyDictionary<string, double> prior, double tau)
    {
        double[] shift = ClassNames.Select(c => tau * Math.Log(prior[c])).ToArray();
        var rows = Labels.Select((label, i) =>
        {
            var adjusted = Probabilities[i].Select((p, c) => Math.Log(Math.Max(p, 1e-12)) + shift[c]).ToArray();
            int best = Array.IndexOf(adjusted, adjusted.Max());
            return new Row
            {
                Label = (uint)IndexOf(label) + 1,
                PredictedLabel = (uint)best + 1,
                Score = Probabilities[i],
            };
        });
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Label)].ColumnType = new KeyDataViewType(typeof(uint), ClassNames.Count);
        schema[nameof(Row.PredictedLabel)].ColumnType = new KeyDataViewType(typeof(uint), ClassNames.Count);
        schema[nameof(Row.Score)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, ClassNames.Count);
        var view = mlContext.Data.LoadFromEnumerable(rows, schema);
        return EvaluationSummary.From(mlContext.MulticlassClassification.Evaluate(view), ClassNames);
    }

    /// <summary>Writes the rows as JSON.</summary>
    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, JsonSerializer.Serialize(this));
    }

    /// <summary>Reads rows <see cref="Save"/> wrote.</summary>
    public static ScoredRows Load(string path) =>
        JsonSerializer.Deserialize<ScoredRows>(File.ReadAllText(path)) ?? throw new InvalidDataException($"'{path}' holds no scored rows.");

    private int IndexOf(string label)
    {
        for (int c = 0; c < ClassNames.Count; c++)
            if (ClassNames[c] == label) return c;
        throw new ArgumentException($"Label '{label}' is not one of the model's classes.");
    }

    private sealed class Row
    {
        public uint Label { get; set; }

        public uint PredictedLabel { get; set; }

        public float[] Score { get; set; } = [];
    }
}
