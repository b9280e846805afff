namespace Erts.Benchmarks;

/// <summary>
/// A throughput benchmark run as <c>dotnet run --project src/Erts.Benchmarks -c Release -- NAME [options]</c>.
/// Implementations are found by reflection, so adding one is adding one file.
/// </summary>
public interface IBenchmark
{
    /// <summary>Command-line name, e.g. "wfdb-decode".</summary>
    string Name { get; }

    /// <summary>One line for the list printed by <c>--list</c>.</summary>
    string Description { get; }

    /// <summary>Runs, prints figures, and returns them for the results file.</summary>
    BenchmarkResult Run(BenchmarkContext context);
}

/// <summary>What a benchmark run gets: arguments after its name, and the thread count to pin.</summary>
/// <param name="Arguments">Remaining command-line arguments.</param>
/// <param name="Threads">Torch and managed threads to use (pinned by the runner with torch.set_num_threads).</param>
public sealed record BenchmarkContext(IReadOnlyList<string> Arguments, int Threads);

/// <summary>Named figures of one run, written to <c>docs/benchmarks/NAME.json</c>.</summary>
/// <param name="Name">Benchmark name.</param>
/// <param name="Figures">Figure name to value (units in the name, e.g. "decode_MBps").</param>
/// <param name="Notes">Free-text context: inputs, versions, the peer's command.</param>
public sealed record BenchmarkResult(string Name, IReadOnlyDictionary<string, double> Figures, string Notes);
