using System.Diagnostics;
using System.Globalization;
using Erts.MLNet.Data.Download;

namespace Erts.Cli.Console;

/// <summary>
/// Follows a dataset download and describes it in one line: "mitdb: 12/144 files · 40.2 MB received · 5.1 MB/s · 105.dat".
/// Files already in the cache count as done without being received again.
/// </summary>
/// <param name="name">The dataset's name, first on the line.</param>
internal sealed class DownloadLine(string name) : IProgress<DatasetDownloadProgress>
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private DatasetDownloadProgress? _last;

    /// <summary>Bytes received over the network so far.</summary>
    public long BytesReceived => _last?.BytesDownloaded ?? 0;

    /// <summary>True when the last report finished a file.</summary>
    public bool FileFinished => _last is { FileLength: long length } last && last.FileBytes >= length;

    /// <summary>Files done out of the files to fetch (0 before the first report).</summary>
    public double Fraction => _last is { } last && last.FileCount > 0
        ? (last.FileIndex + (last.FileLength is > 0 and long length ? Math.Min(1.0, (double)last.FileBytes / length) : 0)) / last.FileCount
        : 0;

    /// <summary>Records a report (called on the downloading thread).</summary>
    public void Report(DatasetDownloadProgress value) => _last = value;

    /// <summary>The line for the latest report.</summary>
    public string Describe()
    {
        if (_last is not { } last) return $"{name}: reading the checksum list";
        int done = last.FileIndex + (FileFinished ? 1 : 0);
        double seconds = Math.Max(_clock.Elapsed.TotalSeconds, 1e-3);
        return $"{name}: {done}/{last.FileCount} files · {Bytes(last.BytesDownloaded)} received · {Bytes((long)(last.BytesDownloaded / seconds))}/s · {last.File}";
    }

    /// <summary>A byte count in decimal units: "950 B", "12.3 kB", "40.2 MB", "1.30 GB".</summary>
    public static string Bytes(long bytes) => bytes switch
    {
        < 1_000 => string.Create(CultureInfo.InvariantCulture, $"{bytes} B"),
        < 1_000_000 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e3:0.#} kB"),
        < 1_000_000_000 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e6:0.#} MB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e9:0.00} GB"),
    };
}
