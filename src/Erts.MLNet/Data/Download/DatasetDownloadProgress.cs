namespace Erts.MLNet.Data.Download;

/// <summary>Progress of a dataset download, reported after each chunk and when each file is done.</summary>
/// <param name="File">The file being fetched, relative to the dataset root.</param>
/// <param name="FileIndex">0-based index of that file among the files to fetch.</param>
/// <param name="FileCount">Number of files to fetch (files already in the cache included).</param>
/// <param name="FileBytes">Bytes of this file on disk so far (a resumed file starts at its partial length).</param>
/// <param name="FileLength">Total length of this file when the server says it, else null.</param>
/// <param name="BytesDownloaded">Bytes received over the network in this call so far, all files.</param>
public sealed record DatasetDownloadProgress(string File, int FileIndex, int FileCount, long FileBytes, long? FileLength, long BytesDownloaded);
