using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Erts.Cli.Commands;
using Erts.Cli.Tests.Infrastructure;
using Erts.MLNet.Tests.Data.Download;

namespace Erts.Cli.Tests.Commands;

public class DatasetsCommandTests
{
    /// <summary>A miniature mitdb as a server would publish it: the marker files and one signal file big enough to cut.</summary>
    private static readonly Dictionary<string, byte[]> MiniMitdb = new()
    {
        ["RECORDS"] = Encoding.ASCII.GetBytes("100\n"),
        ["100.hea"] = Encoding.ASCII.GetBytes("100 2 360 650000\n"),
        ["100.atr"] = [0x00, 0x00],
        ["100.dat"] = RandomBytes(200_000, seed: 7),
    };

    [Fact]
    public void List_PrintsEveryKnownDatasetAsJson()
    {
        using var cache = new TempFolder();

        var run = CliRun.Invoke("datasets", "list", "--cache", cache.Path, "--json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var datasets = json.RootElement.EnumerateArray().ToDictionary(d => d.GetProperty("name").GetString()!);
        Assert.Equal(["synthetic", "mitdb", "ptbxl", "cinc2017", "cpsc-2018", "georgia", "incartdb", "svdb"], datasets.Keys);
        Assert.Equal("built in", datasets["synthetic"].GetProperty("status").GetString());
        Assert.True(datasets["cinc2017"].GetProperty("trainable").GetBoolean());
        Assert.False(datasets["svdb"].GetProperty("trainable").GetBoolean());
        Assert.Equal(Path.Combine(cache.Path, "ptb-xl", "1.0.3"), datasets["ptbxl"].GetProperty("folder").GetString());
        Assert.Equal("absent", datasets["ptbxl"].GetProperty("status").GetString());
    }

    [Fact]
    public void Verify_Succeeds_WhenChecksumsMatch()
    {
        using var folder = FakeCinc2017(corrupt: false);

        var run = CliRun.Invoke("datasets", "verify", "cinc2017", "--data", folder.Path, "--json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        Assert.True(json.RootElement.GetProperty("verified").GetBoolean());
        Assert.Equal(2, json.RootElement.GetProperty("checked").GetInt32());
    }

    [Fact]
    public void Verify_FailsInOneLineNamingTheFile_WhenAChecksumDiffers()
    {
        using var folder = FakeCinc2017(corrupt: true);

        var run = CliRun.Invoke("datasets", "verify", "cinc2017", "--data", folder.Path);

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        string error = Assert.Single(run.ErrorLines);
        Assert.StartsWith("erts: error: Checksum mismatch for 'A00001.hea'", error);
        Assert.Contains("The file was kept", error);
        Assert.True(File.Exists(folder.Combine("A00001.hea")));
    }

    [Fact]
    public void Verify_FailsNamingTheFile_WhenAListedFileIsMissing()
    {
        using var folder = FakeCinc2017(corrupt: false);
        File.Delete(folder.Combine("A00001.hea"));

        var run = CliRun.Invoke("datasets", "verify", "cinc2017", "--data", folder.Path);

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Contains("'A00001.hea' is listed in", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public void Verify_FailsWithWhereItLooked_WhenTheFolderIsMissing()
    {
        string missing = Path.Combine(Path.GetTempPath(), "erts-no-such-dataset");

        var run = CliRun.Invoke("datasets", "verify", "mitdb", "--data", missing);

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Equal([$"erts: error: dataset 'mitdb' not found at {missing}; run 'erts datasets download mitdb', pass --data <folder> or set ERTS_DATA."],
            run.ErrorLines);
    }

    [SkippableFact]
    public void Verify_AcceptsTheSharedMitdbCopy()
    {
        string mitdb = Erts.MLNet.Tests.Infrastructure.RepositoryPaths.RequireDataset("mitdb");

        var run = CliRun.Invoke("datasets", "verify", "mitdb", "--data", mitdb);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("match SHA256SUMS.txt", run.Output);
    }

    [Fact]
    public void Download_FetchesEveryListedFileIntoTheLibraryCache_WhereListAndVerifyFindIt()
    {
        using var served = Served(MiniMitdb);
        using var server = new LoopbackFileServer(served.Path);
        using var cache = new TempFolder();

        var run = CliRun.Invoke("datasets", "download", "mitdb", "--cache", cache.Path, "--source-url", server.BaseUri.ToString(), "--json");

        Assert.True(run.ExitCode == ExitCodes.Success, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        string folder = cache.Combine("mitdb", "1.0.0");
        Assert.Equal(folder, json.RootElement.GetProperty("folder").GetString());
        Assert.Equal(MiniMitdb.Count, json.RootElement.GetProperty("files").GetInt32());
        Assert.Equal(MiniMitdb.Values.Sum(b => (long)b.Length), json.RootElement.GetProperty("bytesReceived").GetInt64());
        foreach (var (path, bytes) in MiniMitdb)
            Assert.Equal(bytes, File.ReadAllBytes(Path.Combine(folder, path)));

        var list = CliRun.Invoke("datasets", "list", "--cache", cache.Path, "--quiet");
        Assert.Contains($"mitdb\tpresent\t{folder}", list.Output);
        var verify = CliRun.Invoke("datasets", "verify", "mitdb", "--cache", cache.Path, "--quiet");
        Assert.Equal(ExitCodes.Success, verify.ExitCode);
        Assert.Equal(folder, verify.Output.Trim());
    }

    [Fact]
    public void Download_PrintsPlainProgressLines_WhenOutputIsRedirected()
    {
        using var served = Served(MiniMitdb);
        using var server = new LoopbackFileServer(served.Path);
        using var cache = new TempFolder();

        var run = CliRun.Invoke("datasets", "download", "mitdb", "--cache", cache.Path, "--source-url", server.BaseUri.ToString());

        Assert.True(run.ExitCode == ExitCodes.Success, run.Error);
        Assert.Contains("mitdb: 4/4 files · 200 kB received", run.Output);
        Assert.Contains($"mitdb: 4 files verified in {cache.Combine("mitdb", "1.0.0")}", run.Output);
        Assert.Contains("use it: erts train --dataset mitdb", run.Output);
    }

    [Fact]
    public void Download_FailsInOneLineAndKeepsThePart_ThenResumesWithARangeRequest()
    {
        using var served = Served(MiniMitdb);
        using var cache = new TempFolder();
        string partial = cache.Combine("mitdb", "1.0.0", "100.dat.part");

        using (var breaking = new LoopbackFileServer(served.Path) { CutAfterBytes = 50_000 })
        {
            var broken = CliRun.Invoke("datasets", "download", "mitdb", "--cache", cache.Path, "--source-url", breaking.BaseUri.ToString(), "--quiet");

            Assert.Equal(ExitCodes.Failure, broken.ExitCode);
            Assert.StartsWith("erts: error: The connection broke while receiving", Assert.Single(broken.ErrorLines));
            Assert.True(new FileInfo(partial).Length >= 50_000);
        }

        using var server = new LoopbackFileServer(served.Path);
        var resumed = CliRun.Invoke("datasets", "download", "mitdb", "--cache", cache.Path, "--source-url", server.BaseUri.ToString(), "--quiet");

        Assert.True(resumed.ExitCode == ExitCodes.Success, resumed.Error);
        Assert.Equal(cache.Combine("mitdb", "1.0.0"), resumed.Output.Trim());
        Assert.Contains(server.Requests, r => r.Path == "100.dat" && r.Range != null);
        Assert.False(File.Exists(partial));
    }

    [Fact]
    public void Download_FailsInOneLine_WhenTheServerHasNoChecksumList()
    {
        using var empty = new TempFolder();
        using var server = new LoopbackFileServer(empty.Path);
        using var cache = new TempFolder();

        var run = CliRun.Invoke("datasets", "download", "svdb", "--cache", cache.Path, "--source-url", server.BaseUri.ToString());

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.StartsWith($"erts: error: GET {server.BaseUri}SHA256SUMS.txt failed: HTTP 404", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public void Download_DoesNothing_ForTheSyntheticSet()
    {
        var run = CliRun.Invoke("datasets", "download", "synthetic");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("nothing to download", run.Output);
    }

    /// <summary>A folder with REFERENCE.csv, one header and a SHA256SUMS.txt listing both.</summary>
    private static TempFolder FakeCinc2017(bool corrupt)
    {
        var folder = Served(new Dictionary<string, byte[]>
        {
            ["REFERENCE.csv"] = Encoding.ASCII.GetBytes("A00001,N\n"),
            ["A00001.hea"] = Encoding.ASCII.GetBytes("A00001 1 300 9000\n"),
        });
        if (corrupt) File.AppendAllText(folder.Combine("A00001.hea"), "# changed\n");
        return folder;
    }

    /// <summary>A folder holding <paramref name="files"/> and the SHA256SUMS.txt that lists them.</summary>
    private static TempFolder Served(IReadOnlyDictionary<string, byte[]> files)
    {
        var folder = new TempFolder();
        var sums = new StringBuilder();
        foreach (var (path, bytes) in files)
        {
            File.WriteAllBytes(folder.Combine(path), bytes);
            sums.Append(Convert.ToHexStringLower(SHA256.HashData(bytes))).Append("  ").Append(path).Append('\n');
        }
        File.WriteAllText(folder.Combine("SHA256SUMS.txt"), sums.ToString());
        return folder;
    }

    private static byte[] RandomBytes(int count, int seed)
    {
        var bytes = new byte[count];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
