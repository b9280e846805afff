using System.Net;
using System.Net.Http.Headers;

namespace Erts.MLNet.Data.Download;

/// <summary>
/// Downloads PhysioNet datasets into a cache folder, file by file, as listed in the dataset's <c>SHA256SUMS.txt</c>.
/// </summary>
/// <remarks>
/// <para><b>Resumable:</b> a file is received into <c>NAME.part</c>; when a download is interrupted (error or
/// cancellation), the next call asks only for the missing bytes with an HTTP <c>Range</c> request.</para>
/// <para><b>Verified and atomic:</b> a finished <c>.part</c> file is checked against its SHA-256 and only then renamed
/// to its final name, so a file under its final name is always complete and correct; files already there are not
/// fetched again. A mismatch deletes the file and throws <see cref="DatasetChecksumException"/>.</para>
/// <para>Layout: <c>CACHE/NAME/VERSION/PATH</c>, with the (selected) <c>SHA256SUMS.txt</c> written last as the mark
/// of a complete download.</para>
/// </remarks>
public sealed class DatasetDownloader : IDisposable
{
    private const int BufferSize = 1 << 16;
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;

    /// <summary>Creates a downloader.</summary>
    /// <param name="cacheRoot">Cache folder; null for <see cref="DataCache.DefaultRoot"/>.</param>
    /// <param name="httpClient">Client to use (not disposed by this object); null for an own one.</param>
    public DatasetDownloader(string? cacheRoot = null, HttpClient? httpClient = null)
    {
        CacheRoot = Path.GetFullPath(cacheRoot ?? DataCache.DefaultRoot);
        _ownsHttp = httpClient == null;
        _http = httpClient ?? new HttpClient();
        if (_ownsHttp) _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("Erts.MLNet", "0.1"));
    }

    /// <summary>The cache folder.</summary>
    public string CacheRoot { get; }

    /// <summary>Where <paramref name="dataset"/> is (or will be) stored: <c>CACHE/NAME/VERSION</c>.</summary>
    /// <param name="dataset">The dataset.</param>
    public string GetDatasetFolder(PhysioNetDataset dataset) => DataCache.GetDatasetFolder(dataset, CacheRoot);

    /// <summary>
    /// Makes sure every selected file of <paramref name="dataset"/> is in the cache, fetching what is missing, and
    /// returns the dataset folder.
    /// </summary>
    /// <param name="dataset">The dataset (see <see cref="PhysioNetCatalog"/>).</param>
    /// <param name="progress">Receives progress after each chunk; may be null.</param>
    /// <param name="cancellationToken">Stops the download; partial files stay for the next call to resume.</param>
    /// <returns>The dataset folder.</returns>
    /// <exception cref="DatasetDownloadException">A request failed (the message names the address and HTTP status), the
    /// checksum list is malformed, or it lists no file matching the dataset's selection.</exception>
    /// <exception cref="DatasetChecksumException">A received file does not match its checksum (it was deleted).</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public async Task<string> DownloadAsync(PhysioNetDataset dataset, IProgress<DatasetDownloadProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        string folder = GetDatasetFolder(dataset);
        var sumsUri = new Uri(dataset.BaseUri, PhysioNetDataset.ChecksumFileName);
        string sumsText = await GetStringAsync(sumsUri, cancellationToken).ConfigureAwait(false);
        Sha256Sums sums;
        try
        {
            sums = Sha256Sums.Parse(sumsText, sumsUri.ToString());
        }
        catch (FormatException e)
        {
            throw new DatasetDownloadException(sumsUri, $"The checksum list {sumsUri} is malformed: {e.Message}", e);
        }

        var files = sums.Entries.Where(e => dataset.Includes(e.Path)).ToList();
        if (files.Count == 0)
            throw new DatasetDownloadException(sumsUri,
                $"{sumsUri} lists no file under [{string.Join(", ", dataset.Include)}]; the dataset's file layout may have changed.");

        Directory.CreateDirectory(folder);
        var counter = new ByteCounter();
        for (int i = 0; i < files.Count; i++)
        {
            var (path, hash) = files[i];
            string target = Path.Combine(folder, path.Replace('/', Path.DirectorySeparatorChar));
            if (File.Exists(target)) continue; // final names only ever hold verified files
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            var fileProgress = progress == null ? null : new FileProgress(progress, path, i, files.Count, counter);
            await DownloadFileAsync(new Uri(dataset.BaseUri, EscapePath(path)), path, target, hash, fileProgress, cancellationToken)
                .ConfigureAwait(false);
        }

        string selectedSums = string.Concat(files.Select(f => $"{f.Hash}  {f.Path}\n"));
        await WriteAtomicallyAsync(Path.Combine(folder, PhysioNetDataset.ChecksumFileName), selectedSums, cancellationToken).ConfigureAwait(false);
        return folder;
    }

    /// <summary>
    /// Uses a folder the user already has (for instance an unpacked PhysioNet archive) instead of downloading.
    /// When <paramref name="verify"/> is true and the folder holds a <c>SHA256SUMS.txt</c>, every file it lists is
    /// checked.
    /// </summary>
    /// <param name="folder">The dataset folder.</param>
    /// <param name="verify">Check the files listed in the folder's SHA256SUMS.txt.</param>
    /// <param name="cancellationToken">Stops verification.</param>
    /// <returns>The full path of the folder.</returns>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="FileNotFoundException">A listed file is missing (when verifying).</exception>
    /// <exception cref="DatasetChecksumException">A listed file has another SHA-256 (when verifying; the file is kept).</exception>
    public static async Task<string> UseLocalFolderAsync(string folder, bool verify = false, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        string full = Path.GetFullPath(folder);
        if (!Directory.Exists(full))
            throw new DirectoryNotFoundException($"Dataset folder '{full}' does not exist.");
        string sumsPath = Path.Combine(full, PhysioNetDataset.ChecksumFileName);
        if (!verify || !File.Exists(sumsPath)) return full;

        var sums = Sha256Sums.Parse(await File.ReadAllTextAsync(sumsPath, cancellationToken).ConfigureAwait(false), sumsPath);
        foreach (var (path, hash) in sums.Entries)
        {
            string file = Path.Combine(full, path.Replace('/', Path.DirectorySeparatorChar));
            if (!File.Exists(file))
                throw new FileNotFoundException($"'{path}' is listed in {sumsPath} but missing.", file);
            string actual = await Sha256Sums.HashFileAsync(file, cancellationToken).ConfigureAwait(false);
            if (actual != hash)
                throw new DatasetChecksumException(new Uri(file), path, hash, actual, fileDeleted: false);
        }
        return full;
    }

    /// <summary>Disposes the HTTP client if this object created it.</summary>
    public void Dispose()
    {
        if (_ownsHttp) _http.Dispose();
    }

    private async Task DownloadFileAsync(Uri uri, string path, string target, string expectedHash,
        FileProgress? progress, CancellationToken cancellationToken)
    {
        string partial = target + ".part";
        bool resumed = File.Exists(partial) && new FileInfo(partial).Length > 0;
        await FetchIntoAsync(uri, partial, progress, cancellationToken).ConfigureAwait(false);

        string actual = await Sha256Sums.HashFileAsync(partial, cancellationToken).ConfigureAwait(false);
        if (actual != expectedHash && resumed)
        {
            // The bytes kept from an earlier attempt may be what is wrong (a file changed on the server, a broken
            // disk write): one fresh attempt before giving up.
            File.Delete(partial);
            await FetchIntoAsync(uri, partial, progress, cancellationToken).ConfigureAwait(false);
            actual = await Sha256Sums.HashFileAsync(partial, cancellationToken).ConfigureAwait(false);
        }
        if (actual != expectedHash)
        {
            File.Delete(partial);
            throw new DatasetChecksumException(uri, path, expectedHash, actual);
        }
        File.Move(partial, target, overwrite: true);
    }

    /// <summary>Appends the missing bytes of <paramref name="uri"/> to <paramref name="partial"/> (all of them if it is absent).</summary>
    private async Task FetchIntoAsync(Uri uri, string partial, FileProgress? progress, CancellationToken cancellationToken)
    {
        long existing = File.Exists(partial) ? new FileInfo(partial).Length : 0;
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        if (existing > 0) request.Headers.Range = new RangeHeaderValue(existing, null);

        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable && existing > 0)
            return; // the partial file already holds every byte; the checksum decides
        EnsureSuccess(response, uri);

        // A server that ignores Range answers 200 with the whole file: start over rather than append.
        bool append = existing > 0 && response.StatusCode == HttpStatusCode.PartialContent
                      && response.Content.Headers.ContentRange?.From == existing;
        if (!append) existing = 0;
        long? length = response.Content.Headers.ContentRange?.Length ?? response.Content.Headers.ContentLength;

        await using var output = new FileStream(partial, append ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.None, BufferSize, useAsync: true);
        await using var input = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var buffer = new byte[BufferSize];
        long written = existing;
        int read;
        try
        {
            while ((read = await input.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                written += read;
                progress?.Report(written, length, read);
            }
        }
        catch (Exception e) when (e is HttpRequestException or IOException and not DatasetDownloadException)
        {
            throw new DatasetDownloadException(uri, $"The connection broke while receiving {uri} after {written} bytes; run again to resume.", e);
        }
    }

    private async Task<string> GetStringAsync(Uri uri, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        EnsureSuccess(response, uri);
        return await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new DatasetDownloadException(request.RequestUri!, $"Could not reach {request.RequestUri}: {e.Message}", e);
        }
    }

    private static void EnsureSuccess(HttpResponseMessage response, Uri uri)
    {
        if (response.IsSuccessStatusCode) return;
        string hint = response.StatusCode == HttpStatusCode.NotFound
            ? " The file does not exist there: check the dataset's address and version."
            : string.Empty;
        throw new DatasetDownloadException(uri, $"GET {uri} failed: HTTP {(int)response.StatusCode} {response.ReasonPhrase}.{hint}");
    }

    private static string EscapePath(string path) => string.Join('/', path.Split('/').Select(Uri.EscapeDataString));

    private static async Task WriteAtomicallyAsync(string path, string text, CancellationToken cancellationToken)
    {
        string temporary = path + ".part";
        await File.WriteAllTextAsync(temporary, text, cancellationToken).ConfigureAwait(false);
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Bytes received over the network during one <see cref="DownloadAsync"/> call.</summary>
    private sealed class ByteCounter
    {
        public long Bytes;
    }

    /// <summary>Turns chunk events of one file into <see cref="DatasetDownloadProgress"/> reports.</summary>
    private sealed class FileProgress(IProgress<DatasetDownloadProgress> target, string file, int index, int count, ByteCounter counter)
    {
        public void Report(long fileBytes, long? fileLength, int chunk)
        {
            counter.Bytes += chunk;
            target.Report(new DatasetDownloadProgress(file, index, count, fileBytes, fileLength, counter.Bytes));
        }
    }
}
