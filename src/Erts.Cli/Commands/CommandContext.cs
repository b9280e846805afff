using System.CommandLine;
using Erts.Cli.Console;
using Spectre.Console;

namespace Erts.Cli.Commands;

/// <summary>What a command handler writes to and how: the output mode and the two streams of this invocation.</summary>
internal sealed class CommandContext
{
    private CommandContext(OutputMode mode, TextWriter output, TextWriter error, bool verbose, string commandLine)
    {
        Mode = mode;
        Output = output;
        Error = error;
        Verbose = verbose;
        CommandLine = commandLine;
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            // Colours and live progress only on a real terminal; redirected output gets plain lines.
            Ansi = ReferenceEquals(output, System.Console.Out) ? AnsiSupport.Detect : AnsiSupport.No,
            Interactive = ReferenceEquals(output, System.Console.Out) ? InteractionSupport.Detect : InteractionSupport.No,
        });
        // Redirected output has no width; 80 columns would wrap every table, logs can afford more.
        if (!ReferenceEquals(output, System.Console.Out) || System.Console.IsOutputRedirected) Console.Profile.Width = 140;
    }

    /// <summary>How much to print.</summary>
    public OutputMode Mode { get; }

    /// <summary>Standard output of this invocation.</summary>
    public TextWriter Output { get; }

    /// <summary>Standard error of this invocation.</summary>
    public TextWriter Error { get; }

    /// <summary>True when errors should show their stack trace.</summary>
    public bool Verbose { get; }

    /// <summary>The command line as typed (after "erts"), recorded in reports.</summary>
    public string CommandLine { get; }

    /// <summary>Spectre console over <see cref="Output"/>, for tables and progress in <see cref="OutputMode.Normal"/>.</summary>
    public IAnsiConsole Console { get; }

    /// <summary>True when progress and tables should be shown.</summary>
    public bool IsNormal => Mode == OutputMode.Normal;

    /// <summary>The context of an invocation.</summary>
    /// <exception cref="UsageException">--quiet and --json are both given.</exception>
    public static CommandContext From(ParseResult parseResult)
    {
        var configuration = parseResult.InvocationConfiguration;
        if (parseResult.GetValue(GlobalOptions.Quiet) && parseResult.GetValue(GlobalOptions.Json))
            throw new UsageException("--quiet and --json cannot be combined: choose one output mode.");
        var mode = parseResult.GetValue(GlobalOptions.Json) ? OutputMode.Json
            : parseResult.GetValue(GlobalOptions.Quiet) ? OutputMode.Quiet
            : OutputMode.Normal;
        string commandLine = "erts " + string.Join(' ', parseResult.Tokens.Select(t => t.Value.Contains(' ') ? $"\"{t.Value}\"" : t.Value));
        return new CommandContext(mode, configuration.Output, configuration.Error, parseResult.GetValue(GlobalOptions.Verbose), commandLine);
    }

    /// <summary>Prints a line in normal mode only (escaped: no Spectre markup is interpreted).</summary>
    public void Say(string line)
    {
        if (IsNormal) Console.WriteLine(line);
    }

    /// <summary>Prints the path of a file written: in normal and quiet modes (scripts read quiet output).</summary>
    public void Wrote(string what, string path)
    {
        if (Mode == OutputMode.Normal) Console.WriteLine($"{what}: {path}");
        else if (Mode == OutputMode.Quiet) Output.WriteLine(path);
    }

    /// <summary>Writes <paramref name="json"/> in JSON mode.</summary>
    public void PrintJson(System.Text.Json.Nodes.JsonNode json)
    {
        if (Mode == OutputMode.Json) Output.WriteLine(json.ToJsonString(Reports.ResultsJson.Formatting));
    }
}
