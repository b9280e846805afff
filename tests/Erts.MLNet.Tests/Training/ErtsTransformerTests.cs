using Erts.MLNet.Data;
using Erts.MLNet.Training;
using Erts.MLNet.Transforms;
using Microsoft.ML;
using Microsoft.ML.Data;
using TorchSharp;

namespace Erts.MLNet.Tests.Training;

public class ErtsTransformerTests
{
    private readonly MLContext _mlContext = new(seed: 1);

    [Fact]
    public void GetOutputSchema_AddsScoreAndPredictedLabel_WithMulticlassAnnotations()
    {
        using var transformer = ErtsTrainerTestRows.UntrainedTransformer();
        var schema = transformer.GetOutputSchema(ErtsTrainerTestRows.View(_mlContext, count: 3).Schema);

        var score = schema["Score"];
        Assert.Equal(new VectorDataViewType(NumberDataViewType.Single, 3), score.Type);
        Assert.Equal(ErtsTrainerTestRows.ClassNames, TextVector(score, "SlotNames"));
        Assert.Equal(ErtsTrainerTestRows.ClassNames, TextVector(score, "TrainingLabelValues"));
        Assert.Equal("MulticlassClassification", Text(score, "ScoreColumnKind"));
        Assert.Equal("Score", Text(score, "ScoreValueKind"));
        uint setId = 0;
        score.Annotations.GetValue("ScoreColumnSetId", ref setId);
        Assert.Equal(1u, setId);

        var predicted = schema["PredictedLabel"];
        Assert.Equal(new KeyDataViewType(typeof(uint), 3), predicted.Type);
        Assert.Equal(ErtsTrainerTestRows.ClassNames, TextVector(predicted, "KeyValues"));
        Assert.Equal("PredictedLabel", Text(predicted, "ScoreValueKind"));
        Assert.Null(schema.GetColumnOrNull("Explanation"));
    }

    [Fact]
    public void Transform_GivesProbabilitiesAndArgmaxKey_ForEveryRow()
    {
        using var transformer = ErtsTrainerTestRows.UntrainedTransformer();
        // 70 rows: more than one inference batch of 64, so the batch boundary is crossed.
        var scored = transformer.Transform(ErtsTrainerTestRows.View(_mlContext, count: 70));

        var scores = ErtsTrainerTestRows.Scores(scored);
        var keys = scored.GetColumn<uint>("PredictedLabel").ToList();
        Assert.Equal(70, scores.Count);
        for (int i = 0; i < scores.Count; i++)
        {
            Assert.Equal(1f, scores[i].Sum(), 4);
            Assert.All(scores[i], p => Assert.InRange(p, 0f, 1f));
            Assert.Equal((uint)Array.IndexOf(scores[i], scores[i].Max()) + 1, keys[i]);
        }
    }

    [Fact]
    public void Transform_ScoresEachRowAsAlone_WhenRowsAreSkipped()
    {
        using var transformer = ErtsTrainerTestRows.UntrainedTransformer();
        var input = ErtsTrainerTestRows.View(_mlContext, count: 150);
        var all = ErtsTrainerTestRows.Scores(transformer.Transform(input));

        // Read only every 7th row's score: the signal cursor must skip exactly the rows the consumer skipped.
        var scored = transformer.Transform(input);
        using var cursor = scored.GetRowCursor([scored.Schema["Score"]]);
        var getter = cursor.GetGetter<VBuffer<float>>(scored.Schema["Score"]);
        var value = default(VBuffer<float>);
        while (cursor.MoveNext())
        {
            if (cursor.Position % 7 != 0) continue;
            getter(ref value);
            Assert.Equal(all[(int)cursor.Position], value.DenseValues().ToArray());
        }
    }

    [Fact]
    public void CreatePredictionEngine_GivesTheSameScores_AsTransform()
    {
        using var transformer = ErtsTrainerTestRows.UntrainedTransformer();
        var rows = ErtsTrainerTestRows.Rows(count: 5);
        var expected = ErtsTrainerTestRows.Scores(transformer.Transform(ErtsTrainerTestRows.View(_mlContext, count: 5)));
        var definition = SchemaDefinition.Create(typeof(TinyEcgRow));
        definition["Signal"].ColumnType = new VectorDataViewType(NumberDataViewType.Single, 2, 128);

        // ML.NET's engines own (and dispose) their transformer unless told otherwise.
        var options = new PredictionEngineOptions { InputSchemaDefinition = definition, OwnsTransformer = false };
        using (var engine = _mlContext.Model.CreatePredictionEngine<TinyEcgRow, ScoreOutput>(transformer, options))
            for (int i = 0; i < rows.Count; i++)
                Assert.Equal(expected[i], engine.Predict(rows[i]).Score);

        Assert.Equal(expected, ErtsTrainerTestRows.Scores(transformer.Transform(ErtsTrainerTestRows.View(_mlContext, count: 5))));
    }

    [Fact]
    public async Task Transform_Works_WhenTheNetworkWasBuiltInADisposeScopeOnAnotherThread()
    {
        var input = ErtsTrainerTestRows.View(_mlContext, count: 4);
        var transformer = await Task.Run(() =>
        {
            using var scope = torch.NewDisposeScope();
            return ErtsTrainerTestRows.UntrainedTransformer();
        });
        using (transformer)
        {
            var here = ErtsTrainerTestRows.Scores(transformer.Transform(input));
            var elsewhere = await Task.Run(() => ErtsTrainerTestRows.Scores(transformer.Transform(input)));
            Assert.Equal(here, elsewhere);
            Assert.All(here, score => Assert.Equal(1f, score.Sum(), 4));
        }
    }

    [Fact]
    public void ExplanationColumn_HoldsOneValuePerSample_AndMatchesExplain()
    {
        using var transformer = ErtsTrainerTestRows.UntrainedTransformer(explanationColumn: "Explanation");
        var rows = ErtsTrainerTestRows.Rows(count: 3);
        var scored = transformer.Transform(ErtsTrainerTestRows.View(_mlContext, count: 3));

        Assert.Equal(new VectorDataViewType(NumberDataViewType.Single, 128), scored.Schema["Explanation"].Type);
        var profiles = ErtsTrainerTestRows.Scores(scored, "Explanation");
        var scores = ErtsTrainerTestRows.Scores(scored);
        var keys = scored.GetColumn<uint>("PredictedLabel").ToList();
        for (int i = 0; i < rows.Count; i++)
        {
            var explanation = transformer.Explain(rows[i].Signal);
            Assert.Equal(128, explanation.Profile.Count);
            Assert.All(explanation.Profile, v => Assert.True(v >= 0 && float.IsFinite(v)));
            Assert.Equal(profiles[i], explanation.Profile.ToArray(), new ToleranceComparer(1e-5f));
            Assert.Equal(scores[i], explanation.Probabilities.ToArray(), new ToleranceComparer(1e-6f));
            Assert.Equal((uint)explanation.PredictedClass + 1, keys[i]);
            Assert.Equal(explanation.PredictedClass, explanation.TargetClass);
        }
    }

    [Fact]
    public void Explain_Throws_WhenTheSignalHasTheWrongLength()
    {
        using var transformer = ErtsTrainerTestRows.UntrainedTransformer();
        var error = Assert.Throws<ArgumentException>(() => transformer.Explain(new float[100]));
        Assert.Contains("2 lead(s) x 128 samples = 256 values", error.Message);
    }

    [Fact]
    public void GetOutputSchema_Throws_WhenTheSignalLengthDiffersFromTraining()
    {
        using var transformer = ErtsTrainerTestRows.UntrainedTransformer();
        var input = ErtsTrainerTestRows.View(_mlContext, count: 2, leads: 1, samples: 128);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => transformer.Transform(input));
        Assert.Contains("signal column 'Signal'", error.Message);
        Assert.Contains("trained on 2 lead(s) x 128 samples", error.Message);
    }

    [Fact]
    public void Evaluate_ThrowsNonFiniteSignalException_InsteadOfDroppingARowWithNaN()
    {
        // Before, the row scored NaN and ML.NET's evaluator left it out of every metric without a word.
        using var transformer = ErtsTrainerTestRows.UntrainedTransformer();
        var rows = ErtsTrainerTestRows.Rows(count: 70);
        rows[66].Signal[130] = float.NaN;   // in the second inference batch of 64
        var input = ErtsTrainerTestRows.Keyed(_mlContext,
            ErtsTrainerTestRows.View(_mlContext, rows, new VectorDataViewType(NumberDataViewType.Single, 2, 128)));

        var error = Assert.Throws<NonFiniteSignalException>(() => _mlContext.MulticlassClassification.Evaluate(transformer.Transform(input)));

        Assert.Equal((66L, 1, 2), (error.Row, error.Lead, error.Sample));
        Assert.Contains("an ERTS model scores finite samples only", error.Message);
    }

    [Fact]
    public void PredictionEngine_AndExplain_ThrowNonFiniteSignalException_OnAnInfiniteSample()
    {
        using var transformer = ErtsTrainerTestRows.UntrainedTransformer();
        var row = ErtsTrainerTestRows.Rows(count: 1)[0];
        row.Signal[3] = float.PositiveInfinity;
        var definition = SchemaDefinition.Create(typeof(TinyEcgRow));
        definition["Signal"].ColumnType = new VectorDataViewType(NumberDataViewType.Single, 2, 128);
        var options = new PredictionEngineOptions { InputSchemaDefinition = definition, OwnsTransformer = false };

        using (var engine = _mlContext.Model.CreatePredictionEngine<TinyEcgRow, ScoreOutput>(transformer, options))
            Assert.Equal(3, Assert.Throws<NonFiniteSignalException>(() => engine.Predict(row)).Sample);
        Assert.Equal(3, Assert.Throws<NonFiniteSignalException>(() => transformer.Explain(row.Signal)).Sample);
    }

    [Fact]
    public void Transform_ThrowsNonFiniteValueException_WhenTheModelScoresNaN()
    {
        // A model with NaN weights (trained before training refused divergence) scores NaN on finite input.
        using var transformer = ErtsTrainerTestRows.UntrainedTransformer(out var network);
        using (torch.no_grad()) network.parameters().Last().fill_(float.NaN);

        var error = Assert.Throws<NonFiniteValueException>(() => ErtsTrainerTestRows.Scores(transformer.Transform(ErtsTrainerTestRows.View(_mlContext, count: 3))));

        Assert.Equal(("Score", 0L), (error.ColumnName, error.Row));
        Assert.Contains("the model itself overflows", error.Message);
    }

    [Fact]
    public void Transform_Throws_AfterDispose()
    {
        var transformer = ErtsTrainerTestRows.UntrainedTransformer();
        transformer.Dispose();
        var scored = transformer.Transform(ErtsTrainerTestRows.View(_mlContext, count: 2));
        Assert.Throws<ObjectDisposedException>(() => ErtsTrainerTestRows.Scores(scored));
    }

    private static string[] TextVector(DataViewSchema.Column column, string kind)
    {
        var value = default(VBuffer<ReadOnlyMemory<char>>);
        column.Annotations.GetValue(kind, ref value);
        return value.DenseValues().Select(v => v.ToString()).ToArray();
    }

    private static string Text(DataViewSchema.Column column, string kind)
    {
        var value = default(ReadOnlyMemory<char>);
        column.Annotations.GetValue(kind, ref value);
        return value.ToString();
    }
}

/// <summary>PredictionEngine output of the tests.</summary>
public sealed class ScoreOutput
{
    public float[] Score { get; set; } = [];

    public uint PredictedLabel { get; set; }
}
