using System.Globalization;
using Erts.MLNet.Training;

namespace Erts.Cli.Console;

/// <summary>The one-line summary of an epoch that progress displays show.</summary>
internal static class EpochLine
{
    /// <summary>"epoch 3/20 selection · kept 62% · loss 0.412 · val macro-F1 0.781".</summary>
    public static string Describe(EpochReport epoch, int totalEpochs) =>
        string.Create(CultureInfo.InvariantCulture,
            $"epoch {epoch.Epoch + 1}/{totalEpochs} {epoch.Phase} · kept {epoch.KeptFraction:P0} · loss {Number(epoch.TrainLoss)} · val macro-F1 {Number(epoch.ValidationMacroF1)}");

    /// <summary>Elapsed time and the remaining time extrapolated from the mean epoch so far.</summary>
    public static string Timing(TimeSpan elapsed, int epochsDone, int totalEpochs)
    {
        if (epochsDone <= 0) return $"elapsed {Clock(elapsed)}";
        var remaining = TimeSpan.FromTicks(elapsed.Ticks / epochsDone * Math.Max(0, totalEpochs - epochsDone));
        return $"elapsed {Clock(elapsed)} · remaining ~{Clock(remaining)}";
    }

    /// <summary>m:ss, or h:mm:ss past an hour.</summary>
    public static string Clock(TimeSpan time) =>
        time.TotalHours >= 1 ? time.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture) : time.ToString(@"m\:ss", CultureInfo.InvariantCulture);

    private static string Number(double value) => double.IsFinite(value) ? value.ToString("F3", CultureInfo.InvariantCulture) : "-";
}
