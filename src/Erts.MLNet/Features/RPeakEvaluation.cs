using Erts.MLNet.Data.Wfdb;

namespace Erts.MLNet.Features;

/// <summary>
/// Scores <see cref="RPeakDetector"/> against the reference beat annotations of a WFDB record (e.g. MIT-BIH
/// Arrhythmia <c>.atr</c>), as ANSI/AAMI EC57 does: every WFDB <c>isqrs</c> annotation is a reference beat, a
/// detection within the tolerance matches it, and detections inside ventricular flutter or fibrillation episodes
/// (rhythm "(VFL" or "(VF", where references mark no beats) are not counted as false positives.
/// </summary>
public static class RPeakEvaluation
{
    /// <summary>EC57's matching window: 150 ms.</summary>
    public const double DefaultToleranceSeconds = 0.150;

    /// <summary>Detects the beats of one signal of a record and matches them with its reference annotations.</summary>
    /// <param name="recordPath">Record path without extension, e.g. "data/mitdb/100".</param>
    /// <param name="signal">Signal index analysed; default 0 (MLII in most MIT-BIH records).</param>
    /// <param name="annotator">Reference annotation file extension; default "atr".</param>
    /// <param name="toleranceSeconds">Matching window; default 150 ms.</param>
    /// <returns>The EC57 score (flutter excluded) and the gross score that counts every unmatched detection.</returns>
    /// <exception cref="WfdbFormatException">A file of the record is missing or malformed.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The signal index is not in the record.</exception>
    public static (RPeakScore Score, RPeakScore Gross) ScoreRecord(string recordPath, int signal = 0, string annotator = "atr",
        double toleranceSeconds = DefaultToleranceSeconds)
    {
        var record = WfdbRecord.Open(recordPath);
        if (signal < 0 || signal >= record.Signals.Count)
            throw new ArgumentOutOfRangeException(nameof(signal), signal, $"record '{recordPath}' has {record.Signals.Count} signals");
        var signals = record.ReadSignals(0, null, [signal]);
        var samples = new float[signals.Length];
        signals.ToPhysical(0, samples);
        var detected = new RPeakDetector(record.SamplingFrequency).Detect(samples).Select(p => (long)p).ToList();

        var annotations = WfdbAnnotations.Read(recordPath, annotator);
        var reference = annotations.Where(a => a.IsBeat).Select(a => a.Sample).ToList();
        var flutter = FlutterEpisodes(annotations);
        long tolerance = (long)Math.Round(toleranceSeconds * record.SamplingFrequency);
        return (RPeakScore.Match(reference, detected, tolerance, sample => flutter.Any(e => sample >= e.Start && sample < e.End)),
                RPeakScore.Match(reference, detected, tolerance));
    }

    // [start, end) sample ranges whose rhythm annotation is ventricular flutter "(VFL" or fibrillation "(VF".
    private static List<(long Start, long End)> FlutterEpisodes(IReadOnlyList<WfdbAnnotation> annotations)
    {
        var episodes = new List<(long, long)>();
        long? start = null;
        foreach (var change in annotations.Where(a => a.Code == WfdbAnnotationCodes.Rhythm && a.Aux is { Length: > 0 }))
        {
            bool flutter = change.Aux!.TrimEnd('\0', ' ') is "(VFL" or "(VF";
            if (flutter) start ??= change.Sample;
            else if (start is { } from)
            {
                episodes.Add((from, change.Sample));
                start = null;
            }
        }
        if (start is { } open) episodes.Add((open, long.MaxValue));
        return episodes;
    }
}
