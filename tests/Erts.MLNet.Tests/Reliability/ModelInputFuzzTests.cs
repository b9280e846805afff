using Erts.MLNet.Catalog;
using Erts.MLNet.Data;
using Erts.MLNet.Model;
using Erts.MLNet.Networks;
using Erts.MLNet.Persistence;
using Erts.MLNet.Tests.Reliability.Fuzzing;
using Erts.MLNet.Tests.Training;
using Erts.MLNet.Training;
using Microsoft.ML;
using TorchSharp;
using Xunit.Abstractions;
using static Erts.MLNet.Tests.Reliability.Fuzzing.ModelFileSurgery;

namespace Erts.MLNet.Tests.Reliability;

/// <summary>
/// Issue 15 (model part): seeded campaigns over what a trained model is handed. Model files stating huge sizes must be
/// refused fast and without large allocations; data of other leads, another lead order or another rate must be
/// refused with the documented exception, and data of the trained leads and rate accepted.
/// </summary>
public sealed class ModelInputFuzzTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("erts-model-input-fuzz-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void LoadErtsModel_RefusesHugeDeclaredSizes_FastAndWithinTheAllocationBudget()
    {
        var mlContext = new MLContext(seed: 1);
        var rows = ErtsTrainerTestRows.View(mlContext, count: 2);
        string good = Path.Combine(_folder, "good.zip"), edited = Path.Combine(_folder, "edited.zip");
        using (var transformer = ErtsTrainerTestRows.UntrainedTransformer())
            mlContext.Model.SaveErtsModel(transformer, rows.Schema, good);
        byte[] model = File.ReadAllBytes(good);
        var expected = Scores(mlContext.Model.LoadErtsModel(good, out _), rows);
        int[] extremes = [int.MinValue, -1, 0, 1, 2, 3, 127, 128, 129, 1 << 16, 1 << 20, 1 << 21, 1 << 24, (1 << 24) + 1, int.MaxValue];
        var random = new Random(21);

        // Most inputs state one field of the description as an extreme (or random) size; some replace the weights by
        // an entry of zeros (a zip bomb in miniature) or of random bytes, of up to 48 MB.
        // A file whose samples field changed loads (the weights do not depend on it) and must then refuse the rows by size.
        new FuzzCampaign("ERTS model file, declared sizes", typeof(ErtsModelFormatException), typeof(RefusedAtScoring))
            .Run(300, _ => random.Next(10) switch
            {
                0 => WithWeights(model, random.Next(1, 32 << 20)),
                1 => WithWeights(model, random.Next(1, 1 << 20), seed: random.Next()),
                _ => WithField(model, "SmallCnn1d", (Field)random.Next(3), random.Next(4) == 0 ? random.Next() : extremes[random.Next(extremes.Length)]),
            },
                bytes =>
                {
                    File.WriteAllBytes(edited, bytes);
                    var loaded = mlContext.Model.LoadErtsModel(edited, out _);
                    List<float[]> scores;
                    try
                    {
                        scores = Scores(loaded, rows);
                    }
                    catch (ArgumentOutOfRangeException e) when (((ErtsTransformer)loaded).Samples != 128)
                    {
                        throw new RefusedAtScoring(e);
                    }
                    if (!scores.SequenceEqual(expected, new ExactScores()))
                        throw new InvalidDataException("the edited model loaded and scores differently");
                },
                bytes => $"{bytes.Length} bytes")
            .AssertNoFindings(output);
    }

    [Fact]
    public void Transform_RefusesExactlyTheDataOfOtherLeadsOrRate()
    {
        var mlContext = new MLContext(seed: 1);
        string[] trained = ["I", "II", "V1"];
        const float TrainedRate = 500f;
        torch.manual_seed(3);
        using var transformer = new ErtsTransformer(NetworkFactory.Create(Backbone.SmallCnn1d, 3, 64, 3),
            new ModelDescription(Backbone.SmallCnn1d, 3, 64, ErtsTrainerTestRows.ClassNames, "Signal", "Score", "PredictedLabel", null)
            { LeadNames = trained, SamplingRate = TrainedRate },
            report: null);
        string[] names = ["I", "II", "III", "V1", "v1", "i", "aVR", "MLII", "", " I", new string('X', 5000)];
        float[] rates = [500f, 500.000015f, 499.9f, 250f, 360f, 1000f, 128f, 1e-30f, float.MaxValue, float.NaN, float.PositiveInfinity, -500f, 0f];
        var random = new Random(22);
        var signal = new float[3 * 64];

        new FuzzCampaign("scoring data of other leads or rate", typeof(ArgumentOutOfRangeException))
            .Run(1000, _ =>
            {
                string[] leads = random.Next(3) == 0 ? [.. trained] : [.. trained.OrderBy(_ => random.Next())];
                if (random.Next(2) == 0) leads[random.Next(3)] = names[random.Next(names.Length)];
                return (Leads: leads, Rate: random.Next(2) == 0 ? TrainedRate : rates[random.Next(rates.Length)]);
            },
                input =>
                {
                    var view = mlContext.Data.LoadEcg([new EcgExample("r", null, signal, 3, input.Rate, "N", input.Leads)]);
                    // What the check must decide: names compared case-insensitively; a rate is stated when positive and finite.
                    bool rateStated = input.Rate > 0 && float.IsFinite(input.Rate);
                    bool differs = !input.Leads.SequenceEqual(trained, StringComparer.OrdinalIgnoreCase)
                        || (rateStated && Math.Abs(input.Rate - TrainedRate) > 1e-5 * Math.Max(input.Rate, TrainedRate));
                    try
                    {
                        transformer.Transform(view);
                    }
                    catch (ArgumentOutOfRangeException e) when (!differs || e.Message.Length > 1000)
                    {
                        throw new InvalidDataException(differs ? $"the message echoes {e.Message.Length} characters" : "refused the trained leads and rate: " + e.Message);
                    }
                    if (differs) throw new InvalidDataException("accepted data of other leads or another rate");
                },
                input => $"leads [{string.Join(", ", input.Leads.Select(l => l.Length > 20 ? l[..20] + "..." : l))}] at {input.Rate} Hz")
            .AssertNoFindings(output);
    }

    private static List<float[]> Scores(ITransformer model, IDataView rows)
    {
        using (model as IDisposable) return ErtsTrainerTestRows.Scores(model.Transform(rows));
    }

    /// <summary>A model that loaded with another input size refused the rows it was not made for (the documented <see cref="ArgumentOutOfRangeException"/>).</summary>
    private sealed class RefusedAtScoring(Exception inner) : Exception(inner.Message, inner);

    private sealed class ExactScores : IEqualityComparer<float[]>
    {
        public bool Equals(float[]? x, float[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(float[] scores) => scores.Length;
    }
}
