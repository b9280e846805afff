using Erts.MLNet.Training;

namespace Erts.Cli.Reports;

/// <summary>One model in a report: how it was trained (when it was) and how it scored on held-out data.</summary>
/// <param name="Name">Label shown in tables, legends and file names, e.g. "erts-dbpd" or "full seed 2".</param>
/// <param name="Training">The trainer's per-epoch record; null when the model was only evaluated.</param>
/// <param name="Test">Scores on the held-out set; null when none was evaluated.</param>
/// <param name="ModelPath">Where the model file was written or read, if any.</param>
internal sealed record RunResult(string Name, TrainingReport? Training, ClassificationSummary? Test, string? ModelPath = null)
{
    /// <summary>Seconds elapsed at the end of each epoch (the sum of the epoch timings so far).</summary>
    public IReadOnlyList<double> CumulativeEpochSeconds()
    {
        var seconds = new double[Training?.Epochs.Count ?? 0];
        double total = 0;
        for (int i = 0; i < seconds.Length; i++)
        {
            total += Training!.Epochs[i].TotalSeconds;
            seconds[i] = total;
        }
        return seconds;
    }
}
