using System.Diagnostics;

namespace Erts.MLNet.Tests.Data;

/// <summary>FIFOs, symbolic links and sparse files in place of data files, for the tests of how data files are opened.</summary>
internal static class SpecialFiles
{
    /// <summary>Creates a FIFO (named pipe) at <paramref name="path"/>; skips the test where there is no mkfifo (Windows).</summary>
    public static string MakeFifo(string path)
    {
        Skip.If(OperatingSystem.IsWindows(), "FIFOs are a Unix file type");
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
        return path;
    }

    /// <summary>Creates a symbolic link; skips the test where the user may not create one.</summary>
    public static string MakeLink(string path, string target)
    {
        try
        {
            File.CreateSymbolicLink(path, target);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Skip.If(true, "cannot create symbolic links here: " + e.Message);
        }
        return path;
    }

    /// <summary>A file of <paramref name="length"/> bytes that takes no disk space (all zeros).</summary>
    public static string MakeSparse(string path, long length)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write);
        stream.SetLength(length);
        return path;
    }

    /// <summary>
    /// Runs <paramref name="read"/> and returns its exception, failing when it takes more than 10 s (it blocks on
    /// <paramref name="fifo"/>); the FIFO is then opened for writing and closed, which ends the blocked read.
    /// </summary>
    public static Exception? ThrownWithin10Seconds(Action read, string fifo)
    {
        var task = Task.Factory.StartNew(() => Record.Exception(read), TaskCreationOptions.LongRunning);
        if (task.Wait(TimeSpan.FromSeconds(10))) return task.Result;
        using (new FileStream(fifo, FileMode.Open, FileAccess.Write)) { }
        task.Wait(TimeSpan.FromSeconds(10));
        Assert.Fail($"the read blocked on the FIFO {fifo} for 10 s");
        return null;
    }
}
