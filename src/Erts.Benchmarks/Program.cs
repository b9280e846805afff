using System.Reflection;
using System.Text.Json;
using BenchmarkDotNet.Running;
using Erts.Benchmarks;

// Usage:
//   dotnet run --project src/Erts.Benchmarks -c Release -- --list
//   dotnet run --project src/Erts.Benchmarks -c Release -- NAME [--threads N] [benchmark options]
//   dotnet run --project src/Erts.Benchmarks -c Release -- bdn [BenchmarkDotNet options]   (micro-benchmarks)
var benchmarks = typeof(IBenchmark).Assembly.GetTypes()
    .Where(t => typeof(IBenchmark).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
    .Select(t => (IBenchmark)Activator.CreateInstance(t)!)
    .OrderBy(b => b.Name)
    .ToList();

if (args.Length == 0 || args[0] is "--list" or "-h" or "--help")
{
    Console.WriteLine("benchmarks (pass a name; --threads N pins torch threads, default 2):");
    foreach (var b in benchmarks) Console.WriteLine($"  {b.Name,-24} {b.Description}");
    Console.WriteLine("  bdn                      BenchmarkDotNet micro-benchmarks (BenchmarkSwitcher options follow)");
    return 0;
}
if (args[0] == "bdn")
{
    BenchmarkSwitcher.FromAssembly(typeof(IBenchmark).Assembly).Run(args[1..]);
    return 0;
}

var chosen = benchmarks.FirstOrDefault(b => b.Name == args[0]);
if (chosen == null)
{
    Console.Error.WriteLine($"unknown benchmark '{args[0]}'; --list shows the names");
    return 2;
}
var rest = args[1..].ToList();
int threads = 2;
int at = rest.IndexOf("--threads");
if (at >= 0)
{
    if (at + 1 >= rest.Count || !int.TryParse(rest[at + 1], out threads) || threads < 1)
    {
        Console.Error.WriteLine("--threads needs a positive whole number");
        return 2;
    }
    rest.RemoveRange(at, 2);
}
TorchSharp.torch.set_num_threads(threads);

var result = chosen.Run(new BenchmarkContext(rest, threads));
string folder = Path.Combine(FindRepositoryRoot(), "docs", "benchmarks");
Directory.CreateDirectory(folder);
string file = Path.Combine(folder, result.Name + ".json");
var record = new { result.Name, result.Figures, result.Notes, Threads = threads, Machine = Environment.ProcessorCount + " cores", Utc = DateTime.UtcNow };
File.WriteAllText(file, JsonSerializer.Serialize(record, new JsonSerializerOptions { WriteIndented = true }));
Console.WriteLine($"figures written to {Path.GetRelativePath(Environment.CurrentDirectory, file)}");
return 0;

static string FindRepositoryRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "ERTS.MLNet.sln"))) return dir.FullName;
    return Environment.CurrentDirectory;
}
