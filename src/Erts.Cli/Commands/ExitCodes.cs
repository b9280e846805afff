namespace Erts.Cli.Commands;

/// <summary>What <c>erts</c> returns to the shell.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what it was asked.</summary>
    public const int Success = 0;

    /// <summary>The command could not complete: a missing or unreadable file, a model that does not fit the data, an I/O error.</summary>
    public const int Failure = 1;

    /// <summary>The command line is wrong: unknown command or option, a value out of range, an unknown dataset or policy.</summary>
    public const int Usage = 2;

    /// <summary>The feature asked for is not part of this build yet.</summary>
    public const int NotAvailable = 3;
}
