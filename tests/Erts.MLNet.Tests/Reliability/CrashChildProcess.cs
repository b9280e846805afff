using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;

namespace Erts.MLNet.Tests.Reliability;

/// <summary>
/// One run of <c>Erts.MLNet.CrashChild</c> (<c>dotnet exec</c> of its dll, which the project reference copies into
/// this test's output folder beside the libtorch native files), with its standard output read line by line.
/// </summary>
internal sealed class CrashChildProcess : IDisposable
{
    /// <summary>How long any single step may take on a loaded 2-core machine before the test gives up.</summary>
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly BlockingCollection<string> _pending = [];
    private readonly List<string> _lines = [];
    private readonly StringBuilder _errors = new();

    /// <summary>
    /// The child's TMPDIR. ML.NET stages a model's entries in <c>$TMPDIR/ml_dotnet_*</c> while saving and only
    /// removes that folder when the save finishes, so every kill mid-save leaves one behind (about 6 MB here); giving
    /// each child its own temporary folder keeps those off the machine's /tmp.
    /// </summary>
    private readonly DirectoryInfo _temporaryFolder = Directory.CreateTempSubdirectory("erts-crash-child-tmp-");

    private CrashChildProcess(string mode, string path)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment = { ["TMPDIR"] = _temporaryFolder.FullName },
        };
        foreach (string argument in new[] { "exec", typeof(CrashChild.Program).Assembly.Location, mode, path })
            start.ArgumentList.Add(argument);
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) _pending.CompleteAdding();
            else _pending.Add(e.Data);
        };
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (_errors) _errors.AppendLine(e.Data);
        };
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Starts the child in <paramref name="mode"/> on <paramref name="path"/>.</summary>
    public static CrashChildProcess Start(string mode, string path) => new(mode, path);

    /// <summary>The lines read so far; after <see cref="Kill"/> or <see cref="WaitForExit"/>, every line the child printed.</summary>
    public IReadOnlyList<string> Lines => _lines;

    /// <summary>Reads lines until one starts with <paramref name="prefix"/> and returns it; fails if the child ends or stalls first.</summary>
    public string WaitForLineStartingWith(string prefix)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var remaining = StepTimeout - waited.Elapsed;
            if (remaining > TimeSpan.Zero && _pending.TryTake(out string? line, remaining))
            {
                _lines.Add(line);
                if (line.StartsWith(prefix, StringComparison.Ordinal)) return line;
                continue;
            }
            if (_pending.IsCompleted)
            {
                _process.WaitForExit();
                Assert.Fail($"The child exited (code {_process.ExitCode}) before printing '{prefix}...'. {Transcript()}");
            }
            Assert.Fail($"The child printed no '{prefix}...' line within {StepTimeout.TotalSeconds} s. {Transcript()}");
        }
    }

    /// <summary>
    /// Sends SIGKILL (what <see cref="Process.Kill(bool)"/> does on Linux: no handler, no finally block runs), waits
    /// for the end and reads the rest of the output, so <see cref="Lines"/> ends with the last line the child wrote.
    /// </summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        _lines.AddRange(_pending.GetConsumingEnumerable());
    }

    /// <summary>Waits for the child to finish on its own and returns its exit code; every line it printed is then in <see cref="Lines"/>.</summary>
    public int WaitForExit()
    {
        Assert.True(_process.WaitForExit(StepTimeout), $"The child did not finish within {StepTimeout.TotalSeconds} s. {Transcript()}");
        _process.WaitForExit(); // the parameterless overload also waits for the end of the redirected output
        _lines.AddRange(_pending.GetConsumingEnumerable());
        return _process.ExitCode;
    }

    /// <summary>What the child printed, for failure messages.</summary>
    public string Transcript()
    {
        lock (_errors) return $"Output:\n{string.Join('\n', _lines)}\nErrors:\n{_errors}";
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        _process.Dispose();
        _pending.Dispose();
        _temporaryFolder.Delete(recursive: true);
    }
}
