using System.ComponentModel;
using System.Diagnostics;
using Erts.MLNet.Tests.Data.Wfdb;
using CrashChildProgram = Erts.MLNet.CrashChild.Program;

namespace Erts.MLNet.Tests.Networks;

/// <summary>
/// libtorch's "Could not initialize NNPACK!" warning, on a CPU where NNPACK cannot initialise. This machine's CPU may
/// well run NNPACK, so the child process gets a stand-in <c>nnp_initialize</c> (LD_PRELOAD) that reports unsupported
/// hardware, and the test counts the warning lines on its standard error.
/// </summary>
public class NnpackSwitchTests
{
    private const string Warning = "Could not initialize NNPACK";
    private static readonly TimeSpan ChildTimeout = TimeSpan.FromSeconds(60);

    [SkippableFact]
    public void EcgNetwork_StopsNnpackWarnings_WhenNnpackCannotInitialise()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "the switch and LD_PRELOAD are Linux only");
        using var folder = new TemporaryFolder();
        string? standIn = BuildUnsupportedNnpack(folder);
        Skip.If(standIn is null, "no C compiler (cc) to build the stand-in NNPACK");

        var (exitCode, output, errors) = RunChild(standIn!);

        Assert.True(exitCode == 0, $"child exit code {exitCode}\n{output}\n{errors}");
        Assert.Contains("forwarded", output);
        // One warning from the bare control convolution, proving the stand-in takes effect; none once a network exists.
        Assert.Equal(1, errors.Split('\n').Count(line => line.Contains(Warning, StringComparison.Ordinal)));
    }

    /// <summary>Compiles a one-function shared library whose nnp_initialize returns nnp_status_unsupported_hardware (51).</summary>
    private static string? BuildUnsupportedNnpack(TemporaryFolder folder)
    {
        string source = folder.WriteText("nnpack_unsupported.c", "int nnp_initialize(void) { return 51; }\n");
        string library = folder.Combine("nnpack_unsupported.so");
        var start = new ProcessStartInfo("cc") { RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in new[] { "-shared", "-fPIC", "-o", library, source }) start.ArgumentList.Add(argument);
        try
        {
            using var compiler = Process.Start(start)!;
            string diagnostics = compiler.StandardError.ReadToEnd();
            compiler.WaitForExit();
            Assert.True(compiler.ExitCode == 0, $"cc failed: {diagnostics}");
            return library;
        }
        catch (Win32Exception)
        {
            return null; // no cc on PATH
        }
    }

    private static (int ExitCode, string Output, string Errors) RunChild(string preload)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment = { ["LD_PRELOAD"] = preload },
        };
        foreach (string argument in new[] { "exec", typeof(CrashChildProgram).Assembly.Location, CrashChildProgram.BatchOfOneForwardMode })
            start.ArgumentList.Add(argument);
        using var child = Process.Start(start)!;
        var errors = child.StandardError.ReadToEndAsync();
        string output = child.StandardOutput.ReadToEnd();
        if (!child.WaitForExit(ChildTimeout))
        {
            child.Kill(entireProcessTree: true);
            Assert.Fail($"the child did not finish within {ChildTimeout.TotalSeconds} s");
        }
        return (child.ExitCode, output, errors.Result);
    }
}
