using System.Globalization;
using Erts.MLNet.Catalog;
using Erts.MLNet.Data;
using Erts.MLNet.Data.Wfdb;
using Erts.MLNet.Networks;
using Erts.MLNet.Tests.Data.Wfdb;
using Erts.MLNet.Tests.Reliability.Fuzzing;
using Erts.MLNet.Training;
using Microsoft.ML;
using Microsoft.ML.Data;
using Xunit.Abstractions;

namespace Erts.MLNet.Tests.Reliability;

/// <summary>A training row with auxiliary features.</summary>
public sealed class FeatureEcgRow
{
    public string RecordId { get; set; } = "";

    public string Label { get; set; } = "";

    public float[] Signal { get; set; } = [];

    public float[] Features { get; set; } = [];
}

/// <summary>
/// Property: numbers that are not finite never train a model silently. NaN and infinities anywhere in the signals or
/// auxiliary features (training or validation view) end in a <see cref="NonFiniteValueException"/>; tiny ADC gains and
/// huge learning rates end in that exception or a <see cref="TrainingDivergedException"/>, or in a model whose every
/// score is finite. A model that scores NaN, or data with a non-finite value that trains, is a finding.
/// </summary>
public sealed class NonFiniteTrainingFuzzTests(ITestOutputHelper output) : IDisposable
{
    private const int Leads = 2;
    private const int Samples = 64;
    private const int FeatureCount = 3;
    private static readonly float[] NonFinite = [float.NaN, float.PositiveInfinity, float.NegativeInfinity];

    private readonly MLContext _mlContext = new(seed: 1);
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static ErtsTrainer.Options Options() => new()
    {
        Network = Backbone.SmallCnn1d,
        SelectionPolicy = "full",
        Epochs = 2,
        WarmupEpochs = 1,
        BatchSize = 4,
        Threads = 1,
    };

    /// <summary>count rows of two classes (a pulse train of period 8 or 16 on seeded noise), with 3 features each.</summary>
    private static List<FeatureEcgRow> Rows(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(i =>
        {
            int period = 8 * (i % 2 + 1);
            var signal = new float[Leads * Samples];
            for (int t = 0; t < signal.Length; t++) signal[t] = (t % Samples % period < 2 ? 1f : 0f) + 0.1f * (float)random.NextDouble();
            return new FeatureEcgRow
            {
                RecordId = $"r{i}",
                Label = i % 2 == 0 ? "a" : "b",
                Signal = signal,
                Features = [(float)random.NextDouble(), i % 2, (float)random.NextDouble()],
            };
        }).ToList();
    }

    private IDataView Keyed(IEnumerable<FeatureEcgRow> rows, int leads = Leads, int samples = Samples)
    {
        var definition = SchemaDefinition.Create(typeof(FeatureEcgRow));
        definition[nameof(FeatureEcgRow.Signal)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, leads, samples);
        definition[nameof(FeatureEcgRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, FeatureCount);
        var view = _mlContext.Data.LoadFromEnumerable(rows, definition);
        // Keys by value, so a training and a validation view agree whatever their first rows are.
        return _mlContext.Transforms.Conversion.MapValueToKey("Label", keyOrdinality: Microsoft.ML.Transforms.ValueToKeyMappingEstimator.KeyOrdinality.ByValue)
            .Fit(view).Transform(view);
    }

    /// <summary>Trains; a model that scores a non-finite number on its own training rows is a finding.</summary>
    private void FitAndRequireFiniteScores(ErtsTrainer.Options options, IDataView data)
    {
        using var model = _mlContext.MulticlassClassification.Trainers.Erts(options).Fit(data);
        try
        {
            foreach (var score in model.Transform(data).GetColumn<float[]>("Score"))
                if (!score.All(float.IsFinite)) throw new InvalidDataException("a score is not finite");
        }
        catch (NonFiniteValueException e)
        {
            throw new InvalidDataException("trained a model that scores non-finite numbers: " + e.Message);
        }
    }

    [Fact]
    public void Fit_ThrowsNonFiniteValueException_ForAnyNonFiniteSampleOrFeature()
    {
        var random = new Random(21);
        var train = Rows(12, seed: 1);
        var validation = Rows(6, seed: 2);

        new FuzzCampaign("trainer, NaN/±Inf in signals and features", typeof(NonFiniteValueException))
            .Run(600, _ =>
            {
                bool inValidation = random.Next(3) == 0, inFeatures = random.Next(3) == 0;
                var rows = (inValidation ? validation : train).Select(r => new FeatureEcgRow
                    { RecordId = r.RecordId, Label = r.Label, Signal = (float[])r.Signal.Clone(), Features = (float[])r.Features.Clone() }).ToList();
                var places = new List<string>();
                for (int k = 1 + random.Next(3); k > 0; k--)
                {
                    var row = rows[random.Next(rows.Count)];
                    var values = inFeatures ? row.Features : row.Signal;
                    int at = random.Next(values.Length);
                    values[at] = NonFinite[random.Next(NonFinite.Length)];
                    places.Add($"{row.RecordId} {(inFeatures ? "feature" : "sample")} {at} = {values[at]}");
                }
                return (Rows: rows, InValidation: inValidation, Description: (inValidation ? "validation: " : "training: ") + string.Join(", ", places));
            },
                input =>
                {
                    var options = Options();
                    options.AuxiliaryFeaturesColumnName = nameof(FeatureEcgRow.Features);
                    if (input.InValidation) options.ValidationSet = Keyed(input.Rows);
                    var data = input.InValidation ? Keyed(train) : Keyed(input.Rows);
                    _mlContext.MulticlassClassification.Trainers.Erts(options).Fit(data).Dispose();
                    throw new InvalidDataException("trained on non-finite input");
                },
                input => input.Description)
            .AssertNoFindings(output);
    }

    [Fact]
    public void Fit_RefusesOrDivergesOrScoresFinitely_WithTinyAdcGains()
    {
        // What a WFDB header with adc_gain 1e-300 (or 1e-40, ...) or an "invalid" sample gives the trainer, read by the WFDB reader.
        var random = new Random(22);
        double[] exponents = [-300, -200, -46, -45, -40, -38, -36, -30, -20, -10, -3, 0, 2];
        int[] adc = Enumerable.Range(0, 8 * Samples).Select(t => (t % 16 < 2 ? 400 : 0) + (t * 37) % 50 - 25).ToArray();

        new FuzzCampaign("trainer, WFDB records with tiny gains", typeof(NonFiniteValueException), typeof(TrainingDivergedException))
            .Run(60, i =>
            {
                double gain = (1 + 9 * random.NextDouble()) * Math.Pow(10, exponents[random.Next(exponents.Length)]);
                var samples = (int[])adc.Clone();
                if (random.Next(4) == 0) samples[random.Next(samples.Length)] = short.MinValue;   // format 16's invalid sample
                return (Gain: gain.ToString("R", CultureInfo.InvariantCulture), Adc: samples, Name: $"g{i}");
            },
                input =>
                {
                    File.WriteAllText(Path.Combine(_folder.Path, input.Name + ".hea"),
                        TestRecords.Header(input.Name, input.Name + ".dat", "16", 250, ["I"], [input.Adc], gain: input.Gain + "/mV"));
                    File.WriteAllBytes(Path.Combine(_folder.Path, input.Name + ".dat"), TestRecords.Format16(input.Adc));
                    var record = WfdbRecord.Open(Path.Combine(_folder.Path, input.Name));
                    float[] physical = record.ReadSignals().ToPhysical();
                    var rows = Enumerable.Range(0, 8).Select(w => new FeatureEcgRow
                    {
                        RecordId = $"{input.Name}/{w}",
                        Label = w % 2 == 0 ? "a" : "b",
                        Signal = physical.AsSpan(w * Samples, Samples).ToArray(),
                        Features = new float[FeatureCount],
                    });
                    FitAndRequireFiniteScores(Options(), Keyed(rows, leads: 1));
                },
                input => $"adc_gain {input.Gain}, invalid sample: {input.Adc.Contains(short.MinValue)}")
            .AssertNoFindings(output);
    }

    [Fact]
    public void Fit_DivergesOrScoresFinitely_AtAnyLearningRate()
    {
        var random = new Random(23);
        var data = Keyed(Rows(12, seed: 3));

        new FuzzCampaign("trainer, learning rates up to double.MaxValue", typeof(TrainingDivergedException))
            .Run(100, _ => random.Next(6) == 0 ? double.MaxValue : Math.Pow(10, -4 + 42 * random.NextDouble()),
                learningRate =>
                {
                    var options = Options();
                    options.LearningRate = learningRate;
                    FitAndRequireFiniteScores(options, data);
                },
                learningRate => $"learning rate {learningRate:G3}")
            .AssertNoFindings(output);
    }
}
