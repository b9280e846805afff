namespace Erts.Pipelines.FastTreeBaselines;

/// <summary>
/// The command line: dataset, optional data folder, FastTree (and Torch) threads, whether to run the hybrid, whether
/// MIT-BIH beats add their Rhythm column to the features, and the results file.
/// </summary>
internal sealed record RunOptions(string Dataset, string? DataFolder, int Threads, bool Hybrid, bool Rhythm, string ResultsFile, string CommandLine)
{
    /// <summary>FastTree threads when not given: 2, the reference machine's cores.</summary>
    public const int DefaultThreads = 2;

    public static RunOptions Parse(string[] args)
    {
        string dataset = args[0].ToLowerInvariant();
        string? folder = null;
        int threads = DefaultThreads;
        bool hybrid = false, rhythm = false;
        string results = Path.Combine(DataLocation.RepositoryRoot ?? ".", "docs", "results.md");
        for (int i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--threads":
                    threads = int.Parse(Value(args, ++i, "--threads"), System.Globalization.CultureInfo.InvariantCulture);
                    if (threads < 1) throw new ArgumentOutOfRangeException("--threads", threads, "at least 1 thread");
                    break;
                case "--hybrid":
                    hybrid = true;
                    break;
                case "--rhythm":
                    rhythm = true;
                    break;
                case "--results":
                    results = Value(args, ++i, "--results");
                    break;
                default:
                    folder = args[i];
                    break;
            }
        }
        // The command as a reader would retype it, without machine paths.
        string command = "dotnet run --project pipelines/FastTreeBaselines -c Release -- " + dataset
            + (threads != DefaultThreads ? $" --threads {threads}" : "") + (hybrid ? " --hybrid" : "") + (rhythm ? " --rhythm" : "");
        return new RunOptions(dataset, folder, threads, hybrid, rhythm, results, command);
    }

    private static string Value(string[] args, int index, string option) =>
        index < args.Length ? args[index] : throw new ArgumentException($"{option} needs a value");
}
