namespace Erts.MLNet.Tests.Runtime;

/// <summary>The build-time fix that lets libLibTorchSharp.so load on a libstdc++ without GLIBCXX_3.4.32.</summary>
public class LibTorchSharpLoaderFixTests
{
    private static string OutputCopy()
    {
        var copies = LibTorchSharpLoaderFix.FindLibTorchSharp(AppContext.BaseDirectory);
        Skip.If(copies.Count == 0, "no libLibTorchSharp.so in the test output (not a Linux build)");
        return copies[0];
    }

    [SkippableFact]
    public void OutputCopy_IsLoadable_OnThisHost()
    {
        string copy = OutputCopy();
        string? host = LibTorchSharpLoaderFix.FindHostLibStdCxx();
        Skip.If(host == null, "no libstdc++.so.6 found");
        bool hostHasVersion = LibTorchSharpLoaderFix.DefinesVersion(host!, LibTorchSharpLoaderFix.RequiredVersion);
        // Either the host provides the version, or the build made the requirement weak.
        Assert.True(hostHasVersion || LibTorchSharpLoaderFix.IsWeak(copy, LibTorchSharpLoaderFix.RequiredVersion));
    }

    [SkippableFact]
    public void MarkVersionWeak_IsIdempotent_AndChangesOnlyTheFlag()
    {
        string copy = OutputCopy();
        string work = Path.Combine(Path.GetTempPath(), $"erts-elf-{Guid.NewGuid():N}.so");
        try
        {
            File.Copy(copy, work);
            byte[] before = File.ReadAllBytes(work);
            var offsets = LibTorchSharpLoaderFix.FindRequirementFlags(before, LibTorchSharpLoaderFix.RequiredVersion);
            Assert.Single(offsets);

            // Clear the flag to recreate the shipped file, then patch twice.
            before[offsets[0]] &= unchecked((byte)~2);
            File.WriteAllBytes(work, before);
            Assert.False(LibTorchSharpLoaderFix.IsWeak(work, LibTorchSharpLoaderFix.RequiredVersion));
            Assert.Equal(WeakVersionOutcome.Patched, LibTorchSharpLoaderFix.MarkVersionWeak(work, LibTorchSharpLoaderFix.RequiredVersion));
            Assert.Equal(WeakVersionOutcome.AlreadyWeak, LibTorchSharpLoaderFix.MarkVersionWeak(work, LibTorchSharpLoaderFix.RequiredVersion));

            byte[] after = File.ReadAllBytes(work);
            var differing = Enumerable.Range(0, before.Length).Where(i => before[i] != after[i]).ToArray();
            Assert.Equal(new long[] { offsets[0] }, differing.Select(i => (long)i));
            Assert.Equal(before[offsets[0]] | 2, after[offsets[0]]);
        }
        finally
        {
            File.Delete(work);
        }
    }

    [Fact]
    public void HostLibStdCxx_DefinesAnOlderGlibcxxVersion()
    {
        string? host = LibTorchSharpLoaderFix.FindHostLibStdCxx();
        Assert.NotNull(host);
        Assert.True(LibTorchSharpLoaderFix.DefinesVersion(host!, "GLIBCXX_3.4"));
    }
}
