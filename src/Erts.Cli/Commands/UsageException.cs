namespace Erts.Cli.Commands;

/// <summary>The command line asks for something impossible; the message names the option, the rule and the value.</summary>
/// <param name="message">One line for the user.</param>
internal sealed class UsageException(string message) : Exception(message);
