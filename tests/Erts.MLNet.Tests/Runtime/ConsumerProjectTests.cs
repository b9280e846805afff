using System.Diagnostics;
using Erts.MLNet.Tests.Infrastructure;

namespace Erts.MLNet.Tests.Runtime;

/// <summary>
/// A user's own project, in a clean folder, that references only the Erts.MLNet package: it must build and run
/// torch code with no manual step (the native-load fix arrives through the package's buildTransitive targets).
/// </summary>
public class ConsumerProjectTests
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    [Fact]
    public void PackageConsumer_BuildsAndRunsTensorCode_FromCleanFolder()
    {
        string work = Directory.CreateTempSubdirectory("erts-consumer-").FullName;
        try
        {
            string feed = Path.Combine(work, "feed");
            // A version nobody has restored before, so NuGet's global cache cannot serve a stale copy.
            string version = $"0.0.0-consumertest.{DateTime.UtcNow:yyyyMMddHHmmssfff}";
            string library = Path.Combine(RepositoryPaths.Root, "src", "Erts.MLNet", "Erts.MLNet.csproj");
            Run(work, "dotnet", $"pack \"{library}\" -c {Configuration} --no-build -o \"{feed}\" -p:PackageVersion={version}");

            string app = Path.Combine(work, "app");
            Directory.CreateDirectory(app);
            File.WriteAllText(Path.Combine(app, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <add key="erts-local" value="{feed}" />
                  </packageSources>
                </configuration>
                """);
            File.WriteAllText(Path.Combine(app, "app.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <NoWarn>NU1603</NoWarn>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="Erts.MLNet" Version="{version}" />
                  </ItemGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(app, "Program.cs"), """
                using TorchSharp;
                using var network = new Erts.MLNet.Networks.SmallCnn1d(leads: 1, classes: 2);
                var logits = network.call(torch.ones(3, 1, 64));
                Console.WriteLine($"shape={string.Join('x', logits.shape)} sum={torch.arange(4).sum().item<long>()}");
                """);

            Run(app, "dotnet", "build -c Release");
            string output = Run(app, "dotnet", "run -c Release --no-build");
            Assert.Contains("shape=3x2 sum=6", output);
        }
        finally
        {
            try { Directory.Delete(work, recursive: true); } catch (IOException) { /* best effort */ }
        }
    }

    private static string Run(string folder, string file, string arguments)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // The parent `dotnet test` sets MSBuild variables that would leak into the child builds.
        foreach (string name in new[] { "MSBuildSDKsPath", "MSBuildExtensionsPath", "MSBUILD_EXE_PATH", "DOTNET_HOST_PATH" })
            start.Environment.Remove(name);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(5)), $"{file} {arguments} timed out");
        string output = stdout.Result + stderr.Result;
        Assert.True(process.ExitCode == 0, $"{file} {arguments} exited {process.ExitCode}:\n{output}");
        return output;
    }
}
