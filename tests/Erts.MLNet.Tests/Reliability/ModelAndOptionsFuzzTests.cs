using Erts.MLNet.Catalog;
using Erts.MLNet.Networks;
using Erts.MLNet.Persistence;
using Erts.MLNet.Tests.Reliability.Fuzzing;
using Erts.MLNet.Tests.Training;
using Erts.MLNet.Training;
using Microsoft.ML;
using Xunit.Abstractions;

namespace Erts.MLNet.Tests.Reliability;

/// <summary>
/// The other doors a user hands input through: a damaged model file must give an
/// <see cref="ErtsModelFormatException"/> naming it, and any option value either works or is refused at the door
/// with an <see cref="ArgumentException"/> naming the option.
/// </summary>
public sealed class ModelAndOptionsFuzzTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("erts-model-fuzz-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void LoadErtsModel_ThrowsOnlyErtsModelFormatException_OnMutatedModelFiles()
    {
        var mlContext = new MLContext(seed: 1);
        var rows = ErtsTrainerTestRows.View(mlContext, count: 4);
        string good = Path.Combine(_folder, "good.zip"), damaged = Path.Combine(_folder, "damaged.zip");
        using (var transformer = ErtsTrainerTestRows.UntrainedTransformer())
            mlContext.Model.SaveErtsModel(transformer, rows.Schema, good);
        byte[] model = File.ReadAllBytes(good);
        var expectedScores = Scores(mlContext.Model.LoadErtsModel(good, out _), rows);
        var mutator = new Mutator(seed: 11);

        // A damaged file that still loads must score exactly as the good one: anything else is a silent wrong answer.
        new FuzzCampaign("ERTS model file", typeof(ErtsModelFormatException))
            .Run(120, _ => mutator.MutateBytes(model),
                bytes =>
                {
                    File.WriteAllBytes(damaged, bytes);
                    if (!Scores(mlContext.Model.LoadErtsModel(damaged, out _), rows).SequenceEqual(expectedScores, new ScoreComparer()))
                        throw new InvalidDataException("the damaged model loaded and scores differently");
                },
                bytes => $"{bytes.Length} bytes")
            .AssertNoFindings(output);
    }

    private static List<float[]> Scores(ITransformer model, IDataView rows)
    {
        using (model as IDisposable) return ErtsTrainerTestRows.Scores(model.Transform(rows));
    }

    private sealed class ScoreComparer : IEqualityComparer<float[]>
    {
        public bool Equals(float[]? x, float[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(float[] scores) => scores.Length;
    }

    [Fact]
    public void Erts_AcceptsOrRefusesWithArgumentException_AnyOptionValues()
    {
        var random = new Random(12);
        var trainers = new MLContext().MulticlassClassification.Trainers;
        int[] ints = [int.MinValue, -2, -1, 0, 1, 2, 5, 100, int.MaxValue];
        double[] doubles = [double.NegativeInfinity, -1, -1e-300, 0, 1e-300, 0.5, 0.9999, 1, 1.5, double.MaxValue, double.PositiveInfinity, double.NaN];
        string?[] texts = [null, "", " ", "Label", "Score", "x", "erts-dbpd", "FULL", "nonsense", "cuda:x", "cpu"];
        T Pick<T>(T[] values) => values[random.Next(values.Length)];
        // Each input changes one to three options of a valid set, so both refusals and odd-but-valid values are met.
        Action<ErtsTrainer.Options>[] changes =
        [
            o => o.LabelColumnName = Pick(texts)!, o => o.SignalColumnName = Pick(texts)!, o => o.ScoreColumnName = Pick(texts)!,
            o => o.PredictedLabelColumnName = Pick(texts)!, o => o.ExplanationColumnName = Pick(texts),
            o => o.Leads = Pick(ints), o => o.Network = (Backbone)Pick(ints), o => o.SelectionPolicy = Pick(texts)!,
            o => o.Epochs = Pick(ints), o => o.WarmupEpochs = Pick(ints), o => o.RevisionStartEpoch = Pick(ints),
            o => o.CamDelayEpochs = Pick(ints), o => o.ConfidenceThreshold = (float)Pick(doubles), o => o.KeepFraction = (float)Pick(doubles),
            o => o.BatchSize = Pick(ints), o => o.LearningRate = Pick(doubles), o => o.WeightDecay = Pick(doubles),
            o => o.LearningRateDecay = Pick(doubles), o => o.ClassBalancedBeta = Pick(doubles), o => o.Seed = Pick(ints),
            o => o.Threads = random.Next(3) == 0 ? null : Pick(ints), o => o.Device = Pick(texts)!,
            o => o.ValidationFraction = (float)Pick(doubles), o => o.CheckpointDirectory = Pick(texts),
        ];

        new FuzzCampaign("trainer options", typeof(ArgumentException))
            .Run(3000, _ =>
            {
                var options = new ErtsTrainer.Options { Network = Backbone.SmallCnn1d };
                for (int i = 1 + random.Next(3); i > 0; i--) Pick(changes)(options);
                return options;
            },
                options => trainers.Erts(options),
                options => $"{options.Epochs} epochs, policy '{options.SelectionPolicy}', device '{options.Device}', network {(int)options.Network}")
            .AssertNoFindings(output);
    }
}
