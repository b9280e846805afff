using System.Diagnostics;

namespace Erts.Cli.Tests.Infrastructure;

/// <summary>Takes a screenshot of a local HTML file with headless Chromium, when it is installed.</summary>
internal static class HeadlessChromium
{
    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

    /// <summary>The browser executable, or null when none is installed.</summary>
    public static string? Executable { get; } = Candidates.FirstOrDefault(File.Exists);

    /// <summary>Renders <paramref name="htmlPath"/> at 1280 x <paramref name="height"/> into <paramref name="pngPath"/>.</summary>
    /// <exception cref="InvalidOperationException">Chromium failed or timed out.</exception>
    public static void Screenshot(string htmlPath, string pngPath, int height = 2000)
    {
        string profile = Path.Combine(Path.GetTempPath(), "erts-chromium-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(profile);
        try
        {
            var start = new ProcessStartInfo(Executable ?? throw new InvalidOperationException("chromium is not installed"))
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            };
            foreach (string argument in new[]
                     {
                         "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                         "--disable-background-networking", "--disable-component-update", "--disable-sync",
                         $"--user-data-dir={profile}", $"--screenshot={pngPath}", $"--window-size=1280,{height}",
                         new Uri(Path.GetFullPath(htmlPath)).AbsoluteUri,
                     })
                start.ArgumentList.Add(argument);
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            _ = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
            {
                process.Kill(entireProcessTree: true);
                throw new InvalidOperationException("chromium did not finish within 60 s");
            }
            if (!File.Exists(pngPath))
                throw new InvalidOperationException($"chromium wrote no screenshot (exit {process.ExitCode}): {stderr.Result}");
        }
        finally
        {
            try { Directory.Delete(profile, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
