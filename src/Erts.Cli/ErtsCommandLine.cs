using System.CommandLine;
using Erts.Cli.Commands;

namespace Erts.Cli;

/// <summary>The <c>erts</c> command line: the root command, its subcommands, and how errors reach the shell.</summary>
internal static class ErtsCommandLine
{
    /// <summary>Builds the root command with every subcommand.</summary>
    public static RootCommand CreateRootCommand()
    {
        var root = new RootCommand(
            "erts: train ECG classifiers with ERTS (explainability-guided data dropout) on ML.NET + TorchSharp, and see the results as tables and plots.");
        GlobalOptions.AddTo(root);
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(TrainCommand.Create());
        root.Subcommands.Add(EvaluateCommand.Create());
        root.Subcommands.Add(ExplainCommand.Create());
        root.Subcommands.Add(CompareCommand.Create());
        root.Subcommands.Add(DatasetsCommand.Create());
        return root;
    }

    /// <summary>
    /// Parses and runs <paramref name="args"/>. A command line that does not parse gets its first error as one line on
    /// <paramref name="error"/> and <see cref="ExitCodes.Usage"/>, instead of System.CommandLine's error list plus help.
    /// </summary>
    /// <param name="args">Arguments after the program name.</param>
    /// <param name="output">Standard output (the console when null).</param>
    /// <param name="error">Standard error (the console when null).</param>
    public static int Run(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        output ??= System.Console.Out;
        error ??= System.Console.Error;
        var parseResult = CreateRootCommand().Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            error.WriteLine($"erts: error: {parseResult.Errors[0].Message} (see 'erts {CommandPath(parseResult)}--help')");
            return ExitCodes.Usage;
        }
        return parseResult.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }

    private static string CommandPath(ParseResult parseResult)
    {
        var names = new List<string>();
        for (var result = parseResult.CommandResult; result.Parent is System.CommandLine.Parsing.CommandResult parent; result = parent)
            names.Insert(0, result.Command.Name);
        return names.Count == 0 ? "" : string.Join(' ', names) + " ";
    }
}
