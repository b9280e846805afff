using System.CommandLine;

namespace Erts.Cli.Commands;

/// <summary>
/// Runs a command's work and turns failures into one line on standard error plus an exit code
/// (<see cref="ExitCodes"/>); the stack trace is printed only with <c>--verbose</c>.
/// </summary>
internal static class CommandHandler
{
    /// <summary>Sets <paramref name="work"/> as the action of <paramref name="command"/>.</summary>
    public static void SetHandler(Command command, Func<ParseResult, CommandContext, int> work) =>
        command.SetAction(parseResult => Run(parseResult, work));

    /// <summary>Sets the asynchronous <paramref name="work"/> as the action of <paramref name="command"/> (run to completion).</summary>
    public static void SetHandler(Command command, Func<ParseResult, CommandContext, Task<int>> work) =>
        command.SetAction(parseResult => Run(parseResult, (result, context) => work(result, context).GetAwaiter().GetResult()));

    private static int Run(ParseResult parseResult, Func<ParseResult, CommandContext, int> work)
    {
        CommandContext context;
        try
        {
            context = CommandContext.From(parseResult);
        }
        catch (UsageException exception)
        {
            parseResult.InvocationConfiguration.Error.WriteLine($"erts: error: {exception.Message}");
            return ExitCodes.Usage;
        }
        try
        {
            return work(parseResult, context);
        }
        catch (Exception exception) when (ExitCodeOf(exception) is { } exitCode)
        {
            context.Error.WriteLine($"erts: error: {OneLine(exception.Message)}");
            if (context.Verbose) context.Error.WriteLine(exception);
            return exitCode;
        }
    }

    /// <summary>The exit code of an expected failure, or null for a bug (which then surfaces with its stack trace).</summary>
    private static int? ExitCodeOf(Exception exception) => exception switch
    {
        UsageException => ExitCodes.Usage,
        NotAvailableException => ExitCodes.NotAvailable,
        FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException or IOException => ExitCodes.Failure,
        InvalidDataException => ExitCodes.Failure,   // data that cannot make a run (e.g. fewer than two classes)
        ArgumentException or InvalidOperationException or FormatException or NotSupportedException => ExitCodes.Failure,
        OperationCanceledException => ExitCodes.Failure,
        _ => null,
    };

    private static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
