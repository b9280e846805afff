using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Erts.Experiments.Datasets;
using Erts.Experiments.Reporting;
using Microsoft.ML;

namespace Erts.Experiments.Grid;

/// <summary>
/// Runs the cells of a plan one after the other, skipping those already in results.json, writing the file
/// atomically after each cell and regenerating the markdown report; a stop (Ctrl+C, SIGTERM) loses at most the
/// cell in progress. Start the same command again in a second terminal to use a second core: each process skips
/// the cells the others have recorded or are training (<see cref="CellClaim"/>).
/// </summary>
public sealed class GridRunner(GridSettings settings, TextWriter? console = null)
{
    /// <summary>Runs the plan.</summary>
    /// <param name="cancellation">Stops within a training batch; the running cell is not recorded.</param>
    /// <returns>Cells trained now, cells skipped as already done, and whether the run was stopped early.</returns>
    public (int Ran, int Skipped, bool Stopped) Run(CancellationToken cancellation)
    {
        var results = ResultsFile.Load(settings.ResultsPath);
        var cells = GridPlan.Cells(settings);
        using var log = new GridLog(settings.LogPath, console);
        // Process-wide, so the test evaluation (outside the trainer's own thread setting) uses the same count.
        TorchSharp.torch.set_num_threads(settings.Threads);
        log.Write($"grid: {cells.Count} cells, {settings.Threads} torch threads, results {settings.ResultsPath}{(settings.Quick ? " (quick)" : "")}");
        var prepared = new Dictionary<string, PreparedDataset>();
        int ran = 0, skipped = 0;
        for (int index = 0; index < cells.Count; index++)
        {
            var cell = cells[index];
            var dataset = GridDatasets.Find(cell.Dataset);
            int epochs = GridPlan.EpochsFor(dataset, settings);
            string protocol = Protocol(dataset, epochs, settings.Quick);
            results.Refresh();
            if (results.IsDone(cell, protocol))
            {
                skipped++;
                continue;
            }
            if (cancellation.IsCancellationRequested) return (ran, skipped, true);
            using var claim = CellClaim.TryTake(settings.ResultsPath, cell);
            if (claim is null)
            {
                log.Write($"[{index + 1}/{cells.Count}] {cell.Key}: being trained by another grid process, skipped");
                skipped++;
                continue;
            }
            if (!prepared.TryGetValue(dataset.Name, out var data))
            {
                var clock = Stopwatch.StartNew();
                string folder = dataset.FolderName is null ? "" : Path.Combine(settings.DataRoot, dataset.FolderName);
                data = prepared[dataset.Name] = dataset.Prepare(new MLContext(seed: 42), folder, settings.Quick);
                log.Write(string.Create(CultureInfo.InvariantCulture, $"prepared {dataset.Name} in {clock.Elapsed.TotalSeconds:F1} s: {data.Describe()}"));
            }

            log.Write($"[{index + 1}/{cells.Count}] {cell.Key}, {epochs} epochs");
            try
            {
                var result = CellRunner.Run(cell, data, epochs, settings.Quick, protocol, settings.Threads, line => log.Write(line), cancellation);
                // The report is regenerated under the results file's lock, so two grid processes never interleave it.
                results.Add(result, merged => { if (settings.MarkdownPath is { } markdown) ResultsMarkdown.Update(markdown, merged); });
                ran++;
                log.Write(string.Create(CultureInfo.InvariantCulture,
                    $"done {cell.Key}: macro-F1 {result.MacroF1:F4}, accuracy {result.Accuracy:F4}, effective epochs {result.EffectiveEpochs:F2}, " +
                    $"{result.WallClockSeconds:F0} s (load average {result.LoadAverage:F1})"));
            }
            catch (OperationCanceledException)
            {
                log.Write($"stopped during {cell.Key}: that cell is not recorded; rerun the same command to resume.");
                return (ran, skipped, true);
            }
        }
        if (settings.MarkdownPath is { } path) ResultsMarkdown.Update(path, results);
        log.Write($"grid finished: {ran} cells trained, {skipped} already done.");
        return (ran, skipped, false);
    }

    /// <summary>
    /// The protocol of a dataset's cells: name, epochs, quick, and a fingerprint of the dataset's protocol text, so
    /// that changing the data preparation or schedule makes earlier records stale instead of silently reused.
    /// </summary>
    public static string Protocol(GridDataset dataset, int epochs, bool quick)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        string fingerprint = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(dataset.Protocol)))[..8];
        return string.Create(CultureInfo.InvariantCulture, $"{dataset.Name}; {epochs} epochs; {(quick ? "quick" : "full")}; data {fingerprint}");
    }
}
