using System.Text.Json;
using Erts.MLNet.Training;
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

    /// <summary>Rows of both sets, <paramref name="other"/>'s probabilities put in this set's class order.</summary>
    public ScoredRows Concat(ScoredRows other)
    {
        if (!other.ClassNames.Order().SequenceEqual(ClassNames.Order()))
            throw new ArgumentException("The two sets have different classes.", nameof(other));
        int[] from = ClassNames.Select(name => other.IndexOf(name)).ToArray();
        var reordered = other.Probabilities.Select(p => from.Select(c => p[c]).ToArray());
        return new ScoredRows(ClassNames, [.. Labels, .. other.Labels], [.. Probabilities, .. reordered]);
    }

    /// <summary>
    /// The metrics of the decision argmax_c (log p_c + <paramref name="tau"/> · log prior_c): macro-F1, accuracy and
    /// per-class F1 by the library's one rule (<see cref="ClassificationMetrics"/>).
    /// </summary>
    public (ClassificationMetrics Metrics, IReadOnlyDictionary<string, double> PerClassF1) Evaluate(IReadOnlyDictionary<string, double> prior, double tau)
    {
        double[] shift = ClassNames.Select(c => tau * Math.Log(prior[c])).ToArray();
        int[] predictions = Probabilities.Select(p =>
        {
            var adjusted = p.Select((probability, c) => Math.Log(Math.Max(probability, 1e-12)) + shift[c]).ToArray();
            return Array.IndexOf(adjusted, adjusted.Max());
        }).ToArray();
        var metrics = ClassificationMetrics.FromPredictions(Labels.Select(IndexOf).ToArray(), predictions, ClassNames.Count);
        var perClass = ClassNames.Select((name, c) => (name, f1: metrics.PerClassF1[c])).Where(x => !double.IsNaN(x.f1)).ToDictionary(x => x.name, x => x.f1);
        return (metrics, perClass);
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
}
