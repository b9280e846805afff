namespace Erts.Cli.Console;

/// <summary>How much a command prints on standard output.</summary>
internal enum OutputMode
{
    /// <summary>Progress, tables and the paths written (for people).</summary>
    Normal,

    /// <summary>Only the paths written, one per line; no progress, no tables (for shell scripts).</summary>
    Quiet,

    /// <summary>One JSON document and nothing else (for programs); errors still go to standard error.</summary>
    Json,
}
