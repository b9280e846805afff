using System.CommandLine;

namespace Erts.Cli.Commands;

/// <summary>Options every command accepts (declared once on the root, inherited by subcommands).</summary>
internal static class GlobalOptions
{
    /// <summary>Print only the paths written.</summary>
    public static Option<bool> Quiet { get; } = new("--quiet", "-q")
    {
        Description = "Print only the files written, one per line (no progress, no tables).",
        Recursive = true,
    };

    /// <summary>Print one JSON document.</summary>
    public static Option<bool> Json { get; } = new("--json")
    {
        Description = "Print the results as one JSON document on standard output (no progress, no tables).",
        Recursive = true,
    };

    /// <summary>Print stack traces of errors.</summary>
    public static Option<bool> Verbose { get; } = new("--verbose")
    {
        Description = "On error, print the full exception with its stack trace.",
        Recursive = true,
    };

    /// <summary>Adds the global options to the root command.</summary>
    public static void AddTo(RootCommand root)
    {
        root.Options.Add(Quiet);
        root.Options.Add(Json);
        root.Options.Add(Verbose);
    }
}
