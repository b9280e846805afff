using Erts.Cli.Runs;
using Erts.Cli.Tests.Infrastructure;
using Erts.MLNet.Data;
using Erts.MLNet.Training;
using Erts.MLNet.Transforms;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Erts.Cli.Tests.Runs;

public class ExperimentRunnerTests(TrainedModelFixture trained) : IClassFixture<TrainedModelFixture>
{
    /// <summary>A flat record of the fixture's shape (lead I, 2 s at 50 Hz).</summary>
    private static EcgExample Record(string id, string label, float[]? signal = null) =>
        new(id, null, signal ?? new float[100], 1, 50, label, ["I"]);

    private static IReadOnlyList<string> ClassNames(TrainedModel model) =>
        ((TransformerChain<ITransformer>)model.Model).OfType<ErtsTransformer>().Last().ClassNames;

    [Fact]
    public void Evaluate_SaysSo_WhenItLeavesOutExamplesWithALabelTheModelDoesNotKnow()
    {
        // ML.NET's evaluator drops a row whose label maps to no key: before, the summary counted 2 of 3 without a word.
        Assert.True(File.Exists(trained.ModelPath), trained.Train.Error);
        using var model = ExperimentRunner.Load(trained.ModelPath);
        string known = ClassNames(model)[0];

        var summary = ExperimentRunner.Evaluate(model, [Record("a", known), Record("b", "Martian"), Record("c", known)]);

        Assert.Equal(2, summary.Count);
        Assert.Equal(new Dictionary<string, int> { ["Martian"] = 1 }, summary.LeftOut);
        Assert.Equal("1 example(s) have a label the model was not trained on ('Martian' 1) and are not in the metrics.", summary.LeftOutWarning);
    }

    [Fact]
    public void Evaluate_LeavesOutEveryExample_WhenNoLabelIsKnown()
    {
        Assert.True(File.Exists(trained.ModelPath), trained.Train.Error);
        using var model = ExperimentRunner.Load(trained.ModelPath);

        var summary = ExperimentRunner.Evaluate(model, [Record("a", "Martian"), Record("b", "Venusian")]);

        Assert.Equal((0, 2), (summary.Count, summary.LeftOut.Values.Sum()));
        Assert.True(double.IsNaN(summary.MacroF1));
    }

    [Fact]
    public void Evaluate_CountsEveryExample_WhenEveryLabelIsKnown()
    {
        Assert.True(File.Exists(trained.ModelPath), trained.Train.Error);
        using var model = ExperimentRunner.Load(trained.ModelPath);
        var names = ClassNames(model);

        var summary = ExperimentRunner.Evaluate(model, names.Select((name, i) => Record($"r{i}", name)).ToList());

        Assert.Equal(names.Count, summary.Count);
    }

    [Fact]
    public void Evaluate_AndExplain_RefuseARecordWithANaNSample()
    {
        // Before, the NaN row scored NaN: evaluate dropped it (support 0, accuracy NaN) and explain failed writing its JSON.
        Assert.True(File.Exists(trained.ModelPath), trained.Train.Error);
        using var model = ExperimentRunner.Load(trained.ModelPath);
        string known = ClassNames(model)[0];
        var signal = new float[100];
        signal[42] = float.NaN;

        var evaluateError = Assert.Throws<NonFiniteSignalException>(() => ExperimentRunner.Evaluate(model, [Record("a", known), Record("b", known, signal)]));
        var explainError = Assert.Throws<NonFiniteSignalException>(() => ExperimentRunner.Explain(model, Record("b", known, signal)));

        // The model's NormalizeLeads runs first and spreads the NaN over the lead, so the trainer's check sees it at sample 0.
        Assert.Equal(1L, evaluateError.Row);
        Assert.Equal(0, explainError.Lead);
    }
}
