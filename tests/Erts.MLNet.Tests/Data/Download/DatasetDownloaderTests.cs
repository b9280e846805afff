using System.Security.Cryptography;
using System.Text;
using Erts.MLNet.Data.Download;

namespace Erts.MLNet.Tests.Data.Download;

public sealed class DatasetDownloaderTests : IDisposable
{
    private readonly string _served = Directory.CreateTempSubdirectory("erts-served-").FullName;
    private readonly string _cache = Directory.CreateTempSubdirectory("erts-cache-").FullName;
    private readonly Dictionary<string, byte[]> _files = new()
    {
        ["RECORDS"] = Encoding.ASCII.GetBytes("100\n101\n"),
        ["100.dat"] = RandomBytes(300_000, seed: 1),
        ["sub dir/101.hea"] = Encoding.ASCII.GetBytes("101 2 360 650000\n"),
    };

    public DatasetDownloaderTests()
    {
        foreach (var (path, bytes) in _files)
        {
            string file = Path.Combine(_served, path);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllBytes(file, bytes);
        }
        WriteSums(_files);
    }

    public void Dispose()
    {
        Directory.Delete(_served, recursive: true);
        Directory.Delete(_cache, recursive: true);
    }

    [Fact]
    public async Task DownloadAsync_FetchesEveryListedFile_AndReportsProgress()
    {
        using var server = new LoopbackFileServer(_served);
        using var downloader = new DatasetDownloader(_cache);
        var reports = new List<DatasetDownloadProgress>();

        string folder = await downloader.DownloadAsync(Dataset(server), new SynchronousProgress(reports.Add));

        Assert.Equal(Path.Combine(_cache, "demo", "1.0.0"), folder);
        foreach (var (path, bytes) in _files)
            Assert.Equal(bytes, File.ReadAllBytes(Path.Combine(folder, path)));
        Assert.True(File.Exists(Path.Combine(folder, "SHA256SUMS.txt")));
        Assert.Empty(Directory.GetFiles(folder, "*.part", SearchOption.AllDirectories));
        Assert.Equal(_files.Values.Sum(b => (long)b.Length), reports[^1].BytesDownloaded);
        Assert.Contains(reports, r => r.File == "100.dat" && r.FileBytes == 300_000 && r.FileLength == 300_000);
    }

    [Fact]
    public async Task DownloadAsync_ResumesPartialFile_WithRangeRequest()
    {
        using var server = new LoopbackFileServer(_served);
        using var downloader = new DatasetDownloader(_cache);
        var dataset = Dataset(server);
        string partial = Path.Combine(downloader.GetDatasetFolder(dataset), "100.dat.part");
        Directory.CreateDirectory(Path.GetDirectoryName(partial)!);
        File.WriteAllBytes(partial, _files["100.dat"][..120_000]);

        string folder = await downloader.DownloadAsync(dataset);

        Assert.Equal(_files["100.dat"], File.ReadAllBytes(Path.Combine(folder, "100.dat")));
        Assert.Contains(server.Requests, r => r.Path == "100.dat" && r.Range == "bytes=120000-");
        Assert.False(File.Exists(partial));
    }

    [Fact]
    public async Task DownloadAsync_ResumesAfterInterruptedTransfer()
    {
        using var server = new LoopbackFileServer(_served) { CutAfterBytes = 100_000 };
        using var downloader = new DatasetDownloader(_cache);
        var dataset = Dataset(server) with { Include = ["100.dat"] };

        await Assert.ThrowsAnyAsync<IOException>(() => downloader.DownloadAsync(dataset));
        string partial = Path.Combine(downloader.GetDatasetFolder(dataset), "100.dat.part");
        Assert.True(new FileInfo(partial).Length >= 100_000);
        Assert.False(File.Exists(Path.Combine(downloader.GetDatasetFolder(dataset), "100.dat")));

        server.CutAfterBytes = null;
        string folder = await downloader.DownloadAsync(dataset);

        Assert.Equal(_files["100.dat"], File.ReadAllBytes(Path.Combine(folder, "100.dat")));
        Assert.Contains(server.Requests, r => r.Path == "100.dat" && r.Range != null);
    }

    [Fact]
    public async Task DownloadAsync_ThrowsAndLeavesNoFile_WhenChecksumDiffers()
    {
        var wrong = new Dictionary<string, byte[]>(_files) { ["100.dat"] = RandomBytes(300_000, seed: 2) };
        WriteSums(wrong);
        using var server = new LoopbackFileServer(_served);
        using var downloader = new DatasetDownloader(_cache);
        var dataset = Dataset(server);

        var error = await Assert.ThrowsAsync<DatasetChecksumException>(() => downloader.DownloadAsync(dataset));

        Assert.Equal("100.dat", error.File);
        Assert.Contains("100.dat", error.Message);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(_files["100.dat"])), error.Actual);
        string folder = downloader.GetDatasetFolder(dataset);
        Assert.False(File.Exists(Path.Combine(folder, "100.dat")));
        Assert.False(File.Exists(Path.Combine(folder, "100.dat.part")));
        Assert.False(File.Exists(Path.Combine(folder, "SHA256SUMS.txt")));
    }

    [Fact]
    public async Task DownloadAsync_ThrowsNamingTheAddress_WhenFileIsMissing()
    {
        File.Delete(Path.Combine(_served, "RECORDS"));
        using var server = new LoopbackFileServer(_served);
        using var downloader = new DatasetDownloader(_cache);

        var error = await Assert.ThrowsAsync<DatasetDownloadException>(() => downloader.DownloadAsync(Dataset(server)));

        Assert.Contains("404", error.Message);
        Assert.EndsWith("/RECORDS", error.Uri.AbsolutePath);
    }

    [Fact]
    public async Task DownloadAsync_Throws_WhenDatasetAddressDoesNotExist()
    {
        using var server = new LoopbackFileServer(_served);
        using var downloader = new DatasetDownloader(_cache);
        var dataset = Dataset(server) with { BaseUri = new Uri(server.BaseUri, "../2.0.0/") };

        var error = await Assert.ThrowsAsync<DatasetDownloadException>(() => downloader.DownloadAsync(dataset));

        Assert.Contains("SHA256SUMS.txt", error.Message);
        Assert.Contains("404", error.Message);
    }

    [Fact]
    public async Task DownloadAsync_SkipsVerifiedFiles_OnSecondCall()
    {
        using var server = new LoopbackFileServer(_served);
        using var downloader = new DatasetDownloader(_cache);
        await downloader.DownloadAsync(Dataset(server));
        int requests = server.Requests.Count;

        await downloader.DownloadAsync(Dataset(server));

        Assert.Equal(requests + 1, server.Requests.Count); // only SHA256SUMS.txt again
    }

    [Fact]
    public async Task UseLocalFolderAsync_ThrowsChecksumError_WhenLocalFileIsCorrupt()
    {
        Assert.Equal(Path.GetFullPath(_served), await DatasetDownloader.UseLocalFolderAsync(_served, verify: true));
        File.WriteAllBytes(Path.Combine(_served, "RECORDS"), Encoding.ASCII.GetBytes("999\n"));

        var error = await Assert.ThrowsAsync<DatasetChecksumException>(() => DatasetDownloader.UseLocalFolderAsync(_served, verify: true));
        Assert.Equal("RECORDS", error.File);
        await Assert.ThrowsAsync<DirectoryNotFoundException>(() => DatasetDownloader.UseLocalFolderAsync(Path.Combine(_served, "absent")));
    }

    private static PhysioNetDataset Dataset(LoopbackFileServer server) =>
        new("demo", "Demo", "1.0.0", server.BaseUri, "ODC-By 1.0", "none", 300_000, Include: []);

    private void WriteSums(Dictionary<string, byte[]> files) =>
        File.WriteAllText(Path.Combine(_served, "SHA256SUMS.txt"),
            string.Concat(files.Select(f => $"{Convert.ToHexStringLower(SHA256.HashData(f.Value))} {f.Key}\n")));

    private static byte[] RandomBytes(int count, int seed)
    {
        var bytes = new byte[count];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    /// <summary>Reports on the caller's thread (Progress&lt;T&gt; posts to the thread pool, so reports could arrive late).</summary>
    private sealed class SynchronousProgress(Action<DatasetDownloadProgress> report) : IProgress<DatasetDownloadProgress>
    {
        public void Report(DatasetDownloadProgress value) => report(value);
    }
}
