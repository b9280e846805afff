using Erts.MLNet.Explainability;
using Erts.MLNet.Model;
using Erts.MLNet.Networks;
using Erts.MLNet.Training;
using Microsoft.ML;
using Microsoft.ML.Data;
using TorchSharp;

namespace Erts.MLNet.Tests.Training;

/// <summary>One ECG-like row as the ERTS trainer reads it (Signal's 2-D type comes from the schema definition).</summary>
public sealed class TinyEcgRow
{
    public string Label { get; set; } = "";

    public float[] Signal { get; set; } = [];
}

/// <summary>Tiny generated ECG-like data and untrained models for the trainer, transformer and persistence tests.</summary>
internal static class ErtsTrainerTestRows
{
    public static readonly string[] ClassNames = ["N", "AF", "VT"];

    /// <summary>
    /// count rows of leads x samples: class c is a pulse train with period 16 * (c + 1) samples (lead l shifted by
    /// 3l samples) plus seeded Gaussian-ish noise, so a small CNN separates them in a few epochs.
    /// </summary>
    public static List<TinyEcgRow> Rows(int count = 60, int leads = 2, int samples = 128, int seed = 1)
    {
        var random = new Random(seed);
        var rows = new List<TinyEcgRow>(count);
        for (int i = 0; i < count; i++)
        {
            int label = i % ClassNames.Length;
            int period = 16 * (label + 1), phase = random.Next(period);
            var signal = new float[leads * samples];
            for (int lead = 0; lead < leads; lead++)
                for (int t = 0; t < samples; t++)
                {
                    float pulse = (t + phase + 3 * lead) % period < 3 ? 1f : 0f;
                    signal[lead * samples + t] = pulse + 0.1f * (float)(random.NextDouble() + random.NextDouble() - 1);
                }
            rows.Add(new TinyEcgRow { Label = ClassNames[label], Signal = signal });
        }
        return rows;
    }

    /// <summary>The rows as an IDataView whose Signal is <c>Vector&lt;Single, leads, samples&gt;</c>.</summary>
    public static IDataView View(MLContext mlContext, int count = 60, int leads = 2, int samples = 128, int seed = 1) =>
        View(mlContext, Rows(count, leads, samples, seed), new VectorDataViewType(NumberDataViewType.Single, leads, samples));

    public static IDataView View(MLContext mlContext, IEnumerable<TinyEcgRow> rows, DataViewType signalType)
    {
        var definition = SchemaDefinition.Create(typeof(TinyEcgRow));
        definition[nameof(TinyEcgRow.Signal)].ColumnType = signalType;
        return mlContext.Data.LoadFromEnumerable(rows, definition);
    }

    /// <summary>Label mapped to a key whose values are <see cref="ClassNames"/> in that order.</summary>
    public static IDataView Keyed(MLContext mlContext, IDataView view) =>
        mlContext.Transforms.Conversion.MapValueToKey("Label", keyOrdinality: Microsoft.ML.Transforms.ValueToKeyMappingEstimator.KeyOrdinality.ByOccurrence)
            .Fit(view).Transform(view);

    /// <summary>An untrained (seeded) SmallCnn1d wrapped as a transformer: enough to test scoring and persistence without training.</summary>
    public static ErtsTransformer UntrainedTransformer(int leads = 2, int samples = 128, string? explanationColumn = null, int seed = 3,
        string? embeddingColumn = null, FocusResolution focusResolution = FocusResolution.ExplainedLayer) =>
        UntrainedTransformer(out _, leads, samples, explanationColumn, seed, embeddingColumn, focusResolution);

    /// <summary>As above, and hands out the network the transformer owns (to compare its outputs with the columns).</summary>
    public static ErtsTransformer UntrainedTransformer(out EcgNetwork network, int leads = 2, int samples = 128, string? explanationColumn = null,
        int seed = 3, string? embeddingColumn = null, FocusResolution focusResolution = FocusResolution.ExplainedLayer)
    {
        torch.manual_seed(seed);
        network = NetworkFactory.Create(Backbone.SmallCnn1d, leads, samples, ClassNames.Length);
        return new ErtsTransformer(network,
            new ModelDescription(Backbone.SmallCnn1d, leads, samples, ClassNames, "Signal", "Score", "PredictedLabel", explanationColumn, embeddingColumn,
                focusResolution),
            report: null);
    }

    /// <summary>Every row's Score vector.</summary>
    public static List<float[]> Scores(IDataView scored, string column = "Score") =>
        scored.GetColumn<VBuffer<float>>(column).Select(v => v.DenseValues().ToArray()).ToList();
}
