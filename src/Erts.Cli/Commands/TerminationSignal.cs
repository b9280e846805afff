using System.Runtime.InteropServices;

namespace Erts.Cli.Commands;

/// <summary>
/// Turns the first Ctrl+C (SIGINT) or SIGTERM, while it lives, into a cancelled <see cref="Token"/> instead of the end of
/// the process, so a long command can stop cleanly; a second signal ends the process as usual.
/// </summary>
internal sealed class TerminationSignal : IDisposable
{
    private readonly CancellationTokenSource _source = new();
    private readonly PosixSignalRegistration[] _registrations;

    /// <summary>Starts listening for the signals.</summary>
    public TerminationSignal() =>
        _registrations = [PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel), PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel)];

    /// <summary>Cancelled when the first signal arrives.</summary>
    public CancellationToken Token => _source.Token;

    /// <summary>Stops listening: signals terminate the process again.</summary>
    public void Dispose()
    {
        foreach (var registration in _registrations) registration.Dispose();
        _source.Dispose();
    }

    private void Cancel(PosixSignalContext context)
    {
        // Keep the process alive for the first signal only: a user pressing Ctrl+C twice wants out now.
        context.Cancel = !_source.IsCancellationRequested;
        _source.Cancel();
    }
}
