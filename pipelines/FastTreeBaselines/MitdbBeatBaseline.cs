using Erts.MLNet.Catalog;
using Erts.MLNet.Data;
using Erts.MLNet.Data.Datasets;
using Erts.MLNet.Data.DataViews;
using Erts.MLNet.Data.Wfdb;
using Erts.MLNet.Features;
using Erts.MLNet.Networks;
using Erts.MLNet.Training;
using Erts.MLNet.Transforms;
using Microsoft.ML;

namespace Erts.Pipelines.FastTreeBaselines;

/// <summary>
/// MIT-BIH Arrhythmia beats, AAMI classes N, S, V, F, de Chazal's inter-patient protocol (train DS1, test DS2).
/// Each beat is an 8 s window of MLII centred on its annotated R peak, so that the detector finds the neighbouring
/// beats for the RR features; the record's mean RR (detected over the whole record) is added as a feature. With
/// <c>rhythm</c>, the loader's <c>Rhythm</c> column (RR context from the reference beat annotations) is added too.
/// </summary>
/// <remarks>
/// Class Q is left out (15 beats in DS1 + DS2 once the paced records are excluded), as in most inter-patient
/// studies; beats less than 4 s from either end of a record have no full window and are skipped.
/// </remarks>
/// <param name="rhythm">Whether the features include the <c>Rhythm</c> column (<see cref="BeatRhythm"/>).</param>
internal sealed class MitdbBeatBaseline(bool rhythm = false) : IBaselineExperiment
{
    private const float Rate = 360;
    private static readonly SignalDuration HalfWindow = SignalDuration.FromSeconds(4);
    // The network sees 2 s around the beat at 180 Hz, and every 5th N beat of DS1 with all S, V and F beats.
    private const int NetworkWindow = 720;
    private const float NetworkRate = 180;
    private const int NormalBeatStride = 5;

    public string Dataset => "mitdb";

    public BaselineData Load(MLContext mlContext, string folder)
    {
        var database = new MitBeatDatabase(folder, new MitBeatDatabase.Options { WindowBefore = HalfWindow, WindowAfter = HalfWindow });
        var recordMeanRr = RecordMeanRr(database);

        var shape = new EcgSignalShape(1, 2 * HalfWindow.ToSamples(Rate), MitBeatDatabase.Options.Defaults.Leads, Rate);
        IEnumerable<EcgExample> Beats(DatasetSplit split) => database.Load(split).Where(b => b.Label != "Q");
        IDataView View(Func<IEnumerable<EcgExample>> beats) =>
            mlContext.Data.LoadEcg(beats, shape, rhythmSlotNames: rhythm ? BeatRhythm.SlotNames : null);
        string[] featureColumns = rhythm ? ["BeatFeatures", "RecordMeanRR", EcgColumns.Rhythm] : ["BeatFeatures", "RecordMeanRR"];

        var features = mlContext.Transforms.Ecg.ExtractFeatures(EcgFeatureSet.Beat, beatPositionSeconds: HalfWindow.Seconds, outputColumnName: "BeatFeatures")
            .Append(mlContext.Transforms.Conversion.MapValue("RecordMeanRR", recordMeanRr, EcgColumns.RecordId))
            .Append(mlContext.Transforms.Concatenate("Features", featureColumns));
        var networkInput = HybridBaseline.NetworkInput(mlContext, NetworkWindow, CropMode.Center, NetworkRate);
        var schedule = new ErtsTrainer.Options
        {
            Network = Backbone.SmallCnn1d, Epochs = 10, WarmupEpochs = 2, CamDelayEpochs = 1, RevisionStartEpoch = 8,
            BatchSize = 64, LearningRate = 1e-3,
        };
        return new BaselineData("MIT-BIH beats N/S/V/F, inter-patient DS1 → DS2" + (rhythm ? ", + Rhythm column" : ""),
            View(() => Beats(DatasetSplit.Train)),
            View(() => Beats(DatasetSplit.Test)),
            View(() => Beats(DatasetSplit.Train).Where((beat, i) => beat.Label != "N" || i % NormalBeatStride == 0)),
            features, networkInput, schedule,
            "2 s at 180 Hz, every 5th N beat of DS1, 10 epochs erts-dbpd");
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
