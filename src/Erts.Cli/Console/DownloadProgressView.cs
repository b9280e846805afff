using System.Diagnostics;
using Erts.Cli.Commands;
using Erts.MLNet.Data.Download;
using Spectre.Console;

namespace Erts.Cli.Console;

/// <summary>
/// Shows a dataset download as it goes: on a terminal a live Spectre progress bar (files, bytes received, rate, elapsed
/// and remaining time); on redirected output a plain line every few seconds and when the last file is in; nothing in
/// quiet and JSON modes.
/// </summary>
internal static class DownloadProgressView
{
    /// <summary>Least time between two plain lines, so that a download of thousands of small files stays readable in a log.</summary>
    private static readonly TimeSpan LineInterval = TimeSpan.FromSeconds(5);

    /// <summary>Runs <paramref name="download"/>, handing it the progress sink to give the downloader.</summary>
    /// <param name="context">The invocation's output.</param>
    /// <param name="name">The dataset's name, shown on the progress line.</param>
    /// <param name="download">The download; receives a sink for <see cref="DatasetDownloadProgress"/> reports.</param>
    /// <returns>Bytes received over the network.</returns>
    public static async Task<long> RunAsync(CommandContext context, string name, Func<IProgress<DatasetDownloadProgress>, Task> download)
    {
        var line = new DownloadLine(name);
        if (!context.IsNormal)
        {
            await download(line);
            return line.BytesReceived;
        }
        if (!context.Console.Profile.Capabilities.Interactive)
        {
            await download(new LineProgress(context.Console, line));
            return line.BytesReceived;
        }

        await context.Console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(),
                new ElapsedTimeColumn(), new RemainingTimeColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask(Markup.Escape(line.Describe()), maxValue: 1);
                await download(new LiveProgress(task, line));
                task.Value = task.MaxValue;
                task.StopTask();
            });
        return line.BytesReceived;
    }

    /// <summary>Updates a live task: description = the download line, value = fraction of the files done.</summary>
    private sealed class LiveProgress(ProgressTask task, DownloadLine line) : IProgress<DatasetDownloadProgress>
    {
        public void Report(DatasetDownloadProgress value)
        {
            line.Report(value);
            task.Description = Markup.Escape(line.Describe());
            task.Value = line.Fraction;
        }
    }

    /// <summary>Writes the download line when a file finishes, at most every <see cref="LineInterval"/>, and for the last file.</summary>
    private sealed class LineProgress(IAnsiConsole console, DownloadLine line) : IProgress<DatasetDownloadProgress>
    {
        private readonly Stopwatch _sinceLine = Stopwatch.StartNew();

        public void Report(DatasetDownloadProgress value)
        {
            line.Report(value);
            if (!line.FileFinished) return;
            bool last = value.FileIndex == value.FileCount - 1;
            if (!last && _sinceLine.Elapsed < LineInterval) return;
            console.WriteLine(line.Describe());
            _sinceLine.Restart();
        }
    }
}
