using Erts.MLNet.Tests.Training;
using Erts.MLNet.Training;
using Erts.Pipelines;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Erts.MLNet.Tests.Experiments;

public class EvaluationSummaryTests
{
    private readonly MLContext _mlContext = new(seed: 1);

    /// <summary>Rows scored by an untrained model; the label key is learnt from the first 6 rows (N, AF, VT).</summary>
    private (MulticlassClassificationMetrics Metrics, long Rows) Evaluate(Action<List<TinyEcgRow>>? change = null)
    {
        var rows = ErtsTrainerTestRows.Rows(count: 9);
        change?.Invoke(rows);
        var type = new VectorDataViewType(NumberDataViewType.Single, 2, 128);
        var toKey = _mlContext.Transforms.Conversion.MapValueToKey("Label").Fit(ErtsTrainerTestRows.View(_mlContext, rows.Take(6), type));
        var view = ErtsTrainerTestRows.View(_mlContext, rows, type);
        using var model = ErtsTrainerTestRows.UntrainedTransformer();
        return (_mlContext.MulticlassClassification.Evaluate(model.Transform(toKey.Transform(view))), EvaluationSummary.CountRows(view));
    }

    [Fact]
    public void From_UsesTheLibrarysMacroF1()
    {
        var (metrics, rows) = Evaluate();

        var summary = EvaluationSummary.From(metrics, ErtsTrainerTestRows.ClassNames, rows);

        Assert.Equal(ClassificationMetrics.FromConfusionMatrix(metrics.ConfusionMatrix).MacroF1, summary.MacroF1);
    }

    [Fact]
    public void From_Throws_WhenTheEvaluatorLeftOutARowWithAnUnknownLabel()
    {
        // Before, the pipelines reported metrics over 8 of 9 test rows without saying so.
        var (metrics, rows) = Evaluate(rows => rows[7].Label = "Martian");

        var error = Assert.Throws<InvalidOperationException>(() => EvaluationSummary.From(metrics, ErtsTrainerTestRows.ClassNames, rows));

        Assert.Contains("counted 8 of 9 rows", error.Message);
    }
}
