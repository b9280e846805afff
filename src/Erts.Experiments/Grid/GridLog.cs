using System.Globalization;

namespace Erts.Experiments.Grid;

/// <summary>Time-stamped lines to a log file (appended, flushed per line) and, optionally, the console.</summary>
public sealed class GridLog : IDisposable
{
    private readonly StreamWriter _file;
    private readonly TextWriter? _console;

    /// <summary>Opens <paramref name="path"/> for appending (its folder is created).</summary>
    /// <param name="path">Log file.</param>
    /// <param name="console">Also write here, or null.</param>
    public GridLog(string path, TextWriter? console)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        _file = new StreamWriter(path, append: true) { AutoFlush = true };
        _console = console;
    }

    /// <summary>Writes one line, prefixed with the local time.</summary>
    public void Write(string line)
    {
        string stamped = string.Create(CultureInfo.InvariantCulture, $"{DateTime.Now:HH:mm:ss} {line}");
        _file.WriteLine(stamped);
        _console?.WriteLine(stamped);
    }

    /// <inheritdoc />
    public void Dispose() => _file.Dispose();
}
