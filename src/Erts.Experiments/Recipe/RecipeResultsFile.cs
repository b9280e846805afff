using System.Text.Json;
using Erts.Experiments.Grid;

namespace Erts.Experiments.Recipe;

/// <summary>
/// The recipe benchmark's results.json: one record per (dataset, model, seed), rewritten atomically after each run,
/// so an interrupted benchmark resumes where it stopped and a finished run is never trained twice. Several benchmark
/// processes may share the file: each change happens under <see cref="Lock"/>.
/// </summary>
public sealed class RecipeResultsFile(string path)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>The file.</summary>
    public string Path { get; } = path;

    /// <summary>Every record so far (empty when the file does not exist).</summary>
    public List<RecipeResult> Read() =>
        File.Exists(Path) ? JsonSerializer.Deserialize<List<RecipeResult>>(File.ReadAllText(Path), Json) ?? [] : [];

    /// <summary>True when a record of this run exists.</summary>
    public bool Has(string dataset, string model, int seed) =>
        Read().Any(r => r.Dataset == dataset && r.Model == model && r.Seed == seed);

    /// <summary>
    /// Waits for the lock beside the file (<c>.results.json.lock</c>, <see cref="LockFile"/>) that every change, and the
    /// markdown regenerated from the file, happen under; dispose to release.
    /// </summary>
    /// <exception cref="IOException">Another process held it for a minute.</exception>
    public IDisposable Lock() => LockFile.WaitBeside(Path);

    /// <summary>Adds a record (replacing one of the same run) and rewrites the file atomically; call under <see cref="Lock"/>.</summary>
    public void Add(RecipeResult result)
    {
        var all = Read().Where(r => !(r.Dataset == result.Dataset && r.Model == result.Model && r.Seed == result.Seed)).Append(result).ToList();
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!);
        string temporary = Path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(all, Json));
        File.Move(temporary, Path, overwrite: true);
    }
}
