using System.CommandLine;

namespace Erts.Cli.Commands;

/// <summary>The --out option of commands that write a report folder.</summary>
internal static class OutputFolderOption
{
    /// <summary>A --out option defaulting to <c>erts-reports/&lt;command&gt;</c> in the current folder.</summary>
    public static Option<string> Create(string commandName) => new("--out", "-o")
    {
        Description = "Report folder to write (created if needed; files of the same name are replaced).",
        DefaultValueFactory = _ => Path.Combine("erts-reports", commandName),
    };
}
