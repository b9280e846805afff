using Erts.Cli.Commands;
using Erts.Cli.Tests.Infrastructure;
using Mono.Unix.Native;

namespace Erts.Cli.Tests.Commands;

public sealed class ModelOptionTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("erts-model-option-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("evaluate")]
    [InlineData("explain")]
    public async Task Run_RefusesAFifoAsModel_WithoutBlocking(string command)
    {
        string fifo = Path.Combine(_folder, "model.zip");
        Assert.Equal(0, Syscall.mkfifo(fifo, FilePermissions.DEFFILEMODE));

        // Opening a FIFO blocks until a writer comes: run on a worker so that a regression fails instead of hanging.
        var run = await Task.Run(() => CliRun.Invoke(command, "--model", fifo)).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Equal([$"erts: error: '{fifo}' is not a regular file (it is a FIFO (named pipe)); a model must be a file on disk."], run.ErrorLines);
    }
}
