using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Erts.Cli.Commands;
using Erts.Cli.Tests.Infrastructure;

namespace Erts.Cli.Tests.Commands;

public class DatasetsCommandTests
{
    [Fact]
    public void List_PrintsEveryKnownDatasetAsJson()
    {
        using var cache = new TempFolder();

        var run = CliRun.Invoke("datasets", "list", "--cache", cache.Path, "--json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var names = json.RootElement.EnumerateArray().Select(d => d.GetProperty("name").GetString()!).ToArray();
        Assert.Equal(["synthetic", "mitdb", "ptbxl", "cinc2017"], names);
        Assert.Equal("built in", json.RootElement[0].GetProperty("status").GetString());
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
    public void Verify_FailsNamingTheFile_WhenAChecksumDiffers()
    {
        using var folder = FakeCinc2017(corrupt: true);

        var run = CliRun.Invoke("datasets", "verify", "cinc2017", "--data", folder.Path);

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Contains("A00001.hea: SHA-256", run.Error);
        Assert.Contains("1 of 2 files", run.Error);
    }

    [Fact]
    public void Verify_FailsWithWhereItLooked_WhenTheFolderIsMissing()
    {
        string missing = Path.Combine(Path.GetTempPath(), "erts-no-such-dataset");

        var run = CliRun.Invoke("datasets", "verify", "mitdb", "--data", missing);

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Equal([$"erts: error: dataset 'mitdb' not found at {missing}; pass --data <folder> or set ERTS_DATA (see 'erts datasets list')."], run.ErrorLines);
    }

    [SkippableFact]
    public void Verify_AcceptsTheSharedMitdbCopy()
    {
        string? shared = Environment.GetEnvironmentVariable("ERTS_SHARED_DATA");
        Skip.If(string.IsNullOrEmpty(shared) || !Directory.Exists(Path.Combine(shared, "mitdb")), "set ERTS_SHARED_DATA to the real data folder to run this test");

        var run = CliRun.Invoke("datasets", "verify", "mitdb", "--data", Path.Combine(shared!, "mitdb"));

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("match SHA256SUMS.txt", run.Output);
    }

    [Fact]
    public void Download_ReturnsNotAvailable_ForARealDataset()
    {
        var run = CliRun.Invoke("datasets", "download", "ptbxl");

        Assert.Equal(ExitCodes.NotAvailable, run.ExitCode);
        Assert.Contains("is not available yet", run.Error);
    }

    /// <summary>A folder with REFERENCE.csv, one header and a SHA256SUMS.txt listing both.</summary>
    private static TempFolder FakeCinc2017(bool corrupt)
    {
        var folder = new TempFolder();
        File.WriteAllText(folder.Combine("REFERENCE.csv"), "A00001,N\n");
        File.WriteAllText(folder.Combine("A00001.hea"), "A00001 1 300 9000\n");
        var sums = new StringBuilder();
        foreach (string name in new[] { "REFERENCE.csv", "A00001.hea" })
            sums.Append(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(folder.Combine(name))))).Append("  ").AppendLine(name);
        File.WriteAllText(folder.Combine("SHA256SUMS.txt"), sums.ToString());
        if (corrupt) File.AppendAllText(folder.Combine("A00001.hea"), "# changed\n");
        return folder;
    }
}
