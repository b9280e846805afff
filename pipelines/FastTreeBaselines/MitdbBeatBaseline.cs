using Erts.MLNet.Catalog;
using Erts.MLNet.Data;
using Erts.MLNet.Data.Datasets;
using Erts.MLNet.Data.DataViews;
using Erts.MLNet.Data.Wfdb;
using Erts.MLNet.Features;
using Microsoft.ML;

namespace Erts.Pipelines.FastTreeBaselines;

/// <summary>
/// MIT-BIH Arrhythmia beats, AAMI classes N, S, V, F, de Chazal's inter-patient protocol (train DS1, test DS2).
/// Each beat is an 8 s window of MLII centred on its annotated R peak, so that the detector finds the neighbouring
/// beats for the RR features; the record's mean RR (detected over the whole record) is added as a feature.
/// </summary>
/// <remarks>
/// Class Q is left out (15 beats in DS1 + DS2 once the paced records are excluded), as in most inter-patient
/// studies; beats less than 4 s from either end of a record have no full window and are skipped.
/// </remarks>
internal sealed class MitdbBeatBaseline : IBaselineExperiment
{
    private static readonly SignalDuration HalfWindow = SignalDuration.FromSeconds(4);

    public string Dataset => "mitdb";

    public BaselineResult Run(string folder, int threads)
    {
        var mlContext = new MLContext(seed: 1);
        var database = new MitBeatDatabase(folder, new MitBeatDatabase.Options { WindowBefore = HalfWindow, WindowAfter = HalfWindow });
        var recordMeanRr = RecordMeanRr(database);

        const float rate = 360;
        var shape = new EcgSignalShape(1, 2 * HalfWindow.ToSamples(rate), MitBeatDatabase.Options.Defaults.Leads, rate);
        IDataView Beats(DatasetSplit split) => mlContext.Data.LoadEcg(() => database.Load(split).Where(b => b.Label != "Q"), shape);

        var features = mlContext.Transforms.Ecg.ExtractFeatures(EcgFeatureSet.Beat, beatPositionSeconds: HalfWindow.Seconds, outputColumnName: "BeatFeatures")
            .Append(mlContext.Transforms.Conversion.MapValue("RecordMeanRR", recordMeanRr, EcgColumns.RecordId))
            .Append(mlContext.Transforms.Concatenate("Features", "BeatFeatures", "RecordMeanRR"));
        var train = FastTreeBaseline.Materialize(mlContext, features, Beats(DatasetSplit.Train));
        var test = FastTreeBaseline.Materialize(mlContext, features, Beats(DatasetSplit.Test));
        return FastTreeBaseline.TrainAndEvaluate(mlContext, "MIT-BIH beats N/S/V/F, inter-patient DS1 → DS2", train, test, threads);
    }

    // Each beat's row id ("record/sample", as MitBeatDatabase names them) to its record's mean detected RR, seconds.
    private static KeyValuePair<string, float>[] RecordMeanRr(MitBeatDatabase database)
    {
        var byRecord = new Dictionary<string, float>();
        foreach (string name in database.Records)
        {
            var record = WfdbRecord.Open(Path.Combine(database.Folder, name));
            int lead = record.IndexOf(MitBeatDatabase.Options.Defaults.Leads[0]);
            if (lead < 0) continue;
            var signals = record.ReadSignals(0, null, [lead]);
            var samples = new float[signals.Length];
            signals.ToPhysical(0, samples);
            int[] peaks = new RPeakDetector(record.SamplingFrequency).Detect(samples);
            byRecord[name] = peaks.Length < 2 ? float.NaN : (float)((peaks[^1] - peaks[0]) / record.SamplingFrequency / (peaks.Length - 1));
        }
        return database.EnumerateBeats()
            .Where(b => byRecord.ContainsKey(b.RecordId))
            .Select(b => KeyValuePair.Create($"{b.RecordId}/{b.Sample}", byRecord[b.RecordId]))
            .ToArray();
    }
}
