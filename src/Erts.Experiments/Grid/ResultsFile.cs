using System.Text.Json;
using System.Text.Json.Serialization;

namespace Erts.Experiments.Grid;

/// <summary>
/// The grid's results.json: one record per finished cell. Rewritten atomically after every cell (temporary file,
/// then rename), so a run stopped at any moment leaves the previous complete file, and a rerun skips what is in it.
/// Several grid processes may share one file (e.g. one per core, each with its own <c>--datasets</c>): every
/// <see cref="Add"/> takes an exclusive lock file, merges what the others wrote since, and saves under that lock.
/// </summary>
public sealed class ResultsFile
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };

    private readonly List<CellResult> _results;

    private ResultsFile(string path, List<CellResult> results)
    {
        Path = path;
        _results = results;
    }

    /// <summary>The file.</summary>
    public string Path { get; }

    /// <summary>Every record, in the order the cells finished.</summary>
    public IReadOnlyList<CellResult> Results => _results;

    /// <summary>Reads the file, or starts an empty one when it does not exist.</summary>
    /// <param name="path">results.json.</param>
    /// <exception cref="InvalidDataException">The file exists but is not a results file (the message names it).</exception>
    public static ResultsFile Load(string path)
    {
        if (!File.Exists(path)) return new ResultsFile(path, []);
        try
        {
            var results = JsonSerializer.Deserialize<List<CellResult>>(File.ReadAllText(path), Json) ?? [];
            return new ResultsFile(path, results);
        }
        catch (JsonException error)
        {
            throw new InvalidDataException($"'{path}' is not a grid results file (a JSON array of cell records): {error.Message}", error);
        }
    }

    /// <summary>Adds the records other processes wrote to the file since it was read (the file is replaced atomically, so no lock is needed to read it).</summary>
    public void Refresh() => MergeFrom(Load(Path));

    /// <summary>True when <paramref name="cell"/> has a record made under <paramref name="protocol"/>.</summary>
    public bool IsDone(GridCell cell, string protocol) =>
        _results.Any(result => result.Cell == cell && result.Protocol == protocol);

    /// <summary>
    /// Adds a record (replacing any earlier one of the same cell) and rewrites the file atomically, after merging the
    /// records other processes added to the file since it was read.
    /// </summary>
    /// <param name="result">The finished cell.</param>
    /// <param name="whileLocked">Runs after the save, still under the lock (e.g. regenerating a report from every record).</param>
    public void Add(CellResult result, Action<ResultsFile>? whileLocked = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var exclusive = AcquireLock();
        MergeFrom(Load(Path));
        _results.RemoveAll(existing => existing.Cell == result.Cell);
        _results.Add(result);
        Save();
        whileLocked?.Invoke(this);
    }

    private void MergeFrom(ResultsFile disk)
    {
        foreach (var other in disk.Results.Where(other => !_results.Any(mine => mine.Cell == other.Cell)))
            _results.Add(other);
    }

    /// <summary>Waits for <c>.results.json.lock</c> beside the file (<see cref="LockFile.WaitBeside"/>).</summary>
    private FileStream AcquireLock() => LockFile.WaitBeside(Path);

    private void Save()
    {
        string full = System.IO.Path.GetFullPath(Path);
        string folder = System.IO.Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(folder);
        string temporary = System.IO.Path.Combine(folder, $".{System.IO.Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                JsonSerializer.Serialize(stream, _results, Json);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, full, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }
}
