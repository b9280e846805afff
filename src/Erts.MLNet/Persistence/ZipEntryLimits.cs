using System.IO.Compression;

namespace Erts.MLNet.Persistence;

/// <summary>
/// Bounds on the entries of a model zip, checked before anything is extracted. ML.NET copies a large entry to a
/// temporary file to read it, and the package reader copies every entry into memory, so an entry that declares (or
/// inflates to) a gigabyte would cost a gigabyte of disk or memory before any content check could reject it.
/// </summary>
internal static class ZipEntryLimits
{
    /// <summary>
    /// The largest accepted ratio of an entry's size to its compressed size. Model entries are float weights (which
    /// deflate barely shrinks) and short texts; only long runs of one byte compress further (deflate's limit is about
    /// 1000:1), and those are what a zip bomb is made of.
    /// </summary>
    public const int MaxCompressionRatio = 32;

    /// <summary>Size every entry may have whatever its compressed size: small texts compress well and are harmless.</summary>
    public const long SmallEntryBytes = 1 << 20;

    private const int ChunkBytes = 81920;

    /// <summary>Refuses an entry whose declared size its compressed bytes (and the archive) cannot plausibly hold.</summary>
    /// <param name="entry">The entry.</param>
    /// <param name="archiveLength">Bytes in the whole archive file.</param>
    /// <param name="path">The file, for the message.</param>
    /// <exception cref="ErtsModelFormatException">The entry is larger than <see cref="MaxCompressionRatio"/> times its compressed size (and than <see cref="SmallEntryBytes"/>).</exception>
    public static void RequirePlausibleSize(ZipArchiveEntry entry, long archiveLength, string path)
    {
        long compressed = Math.Clamp(entry.CompressedLength, 0, archiveLength);
        if (entry.Length < 0 || entry.Length > Math.Max(SmallEntryBytes, compressed * MaxCompressionRatio))
            throw new ErtsModelFormatException(
                $"'{path}' is corrupt: its entry '{Cap(entry.FullName)}' declares {entry.Length:N0} bytes from {entry.CompressedLength:N0} compressed " +
                $"bytes in a file of {archiveLength:N0}, more than {MaxCompressionRatio} times its compressed size. Re-save the model.", path);
    }

    /// <summary>
    /// Reads the entry's content in chunks, failing as soon as it inflates past its declared size (a lying header),
    /// so no more than the checked size is ever read.
    /// </summary>
    /// <exception cref="ErtsModelFormatException">The content is longer than the declared size.</exception>
    public static void Read(ZipArchiveEntry entry, string path, Action<ReadOnlySpan<byte>> consume)
    {
        var buffer = new byte[ChunkBytes];
        long total = 0;
        using var content = entry.Open();
        for (int read; (read = content.Read(buffer)) > 0;)
        {
            total += read;
            if (total > entry.Length)
                throw new ErtsModelFormatException(
                    $"'{path}' is corrupt: its entry '{Cap(entry.FullName)}' inflates past its declared {entry.Length:N0} bytes. Re-save the model.", path);
            consume(buffer.AsSpan(0, read));
        }
    }

    // Entry names come from the file: echo at most 200 characters of one.
    private static string Cap(string name) => name.Length <= 200 ? name : name[..200] + "...";
}
