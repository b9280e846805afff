using System.Diagnostics;
using Erts.Cli.Commands;
using Erts.MLNet.Training;
using Spectre.Console;

namespace Erts.Cli.Console;

/// <summary>
/// Shows training as it goes: on a terminal a live Spectre progress bar per run (kept fraction, loss, validation
/// macro-F1, elapsed and remaining time); on redirected output one plain line per epoch; nothing in quiet and JSON modes.
/// </summary>
internal static class TrainingProgressView
{
    /// <summary>Runs <paramref name="train"/>, handing it the progress sink to give the trainer.</summary>
    /// <param name="context">The invocation's output.</param>
    /// <param name="runName">Label of the run, e.g. "erts-dbpd".</param>
    /// <param name="epochs">Epochs planned.</param>
    /// <param name="train">The training; receives a sink for <see cref="EpochReport"/>s (called on the training thread).</param>
    public static T Run<T>(CommandContext context, string runName, int epochs, Func<IProgress<EpochReport>?, T> train)
    {
        if (!context.IsNormal) return train(null);
        if (!context.Console.Profile.Capabilities.Interactive)
            return train(new LineProgress(context.Console, runName, epochs));

        T result = default!;
        context.Console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(),
                new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(progress =>
            {
                var task = progress.AddTask(Markup.Escape($"{runName}: starting"), maxValue: epochs);
                result = train(new LiveProgress(task, runName, epochs));
                task.StopTask();
            });
        return result;
    }

    /// <summary>Updates a live task: description = the epoch line, value = epochs done.</summary>
    private sealed class LiveProgress(ProgressTask task, string runName, int epochs) : IProgress<EpochReport>
    {
        public void Report(EpochReport value)
        {
            task.Description = Markup.Escape($"{runName}: {EpochLine.Describe(value, epochs)}");
            task.Value = value.Epoch + 1;
        }
    }

    /// <summary>Writes one line per epoch (logs, CI, tests).</summary>
    private sealed class LineProgress(IAnsiConsole console, string runName, int epochs) : IProgress<EpochReport>
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();

        public void Report(EpochReport value) =>
            console.WriteLine($"{runName}: {EpochLine.Describe(value, epochs)} · {EpochLine.Timing(_clock.Elapsed, value.Epoch + 1, epochs)}");
    }
}
