using System.IO.Compression;
using System.IO.Hashing;
using Erts.MLNet.Catalog;
using Erts.MLNet.Training;
using Microsoft.ML;

namespace Erts.MLNet.Persistence;

/// <summary>
/// Model files written atomically and read with clear errors; the implementation of <c>SaveErtsModel</c> and
/// <c>LoadErtsModel</c>. The files are ordinary ML.NET model zips.
/// </summary>
internal static class ErtsModelFile
{
    private static readonly byte[] ZipSignature = [(byte)'P', (byte)'K', 3, 4];

    /// <summary>
    /// Saves through <c>Model.Save</c> into a temporary file beside <paramref name="path"/> and renames it over
    /// <paramref name="path"/>, so a crash never leaves a half-written model under the final name.
    /// </summary>
    public static void Save(ModelOperationsCatalog catalog, ITransformer model, DataViewSchema? inputSchema, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        AtomicFile.Write(path, stream => catalog.Save(model, inputSchema, stream));
    }

    /// <summary>Registers the ERTS loaders, loads <paramref name="path"/> and checks it holds an ERTS classifier.</summary>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="ErtsModelFormatException">Not a regular file, not a model file, truncated or corrupt (any entry failing its CRC-32 or larger than its compressed size allows), or a model without an ERTS classifier.</exception>
    public static ITransformer Load(ModelOperationsCatalog catalog, string path, out DataViewSchema inputSchema)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        MlNetBridge.Environment(catalog).ComponentCatalog.RegisterErtsComponents();
        RegularFile.Require(path);
        using var stream = File.OpenRead(path);
        if (!StartsWithZipSignature(stream))
            throw new ErtsModelFormatException(
                $"'{path}' is not an ML.NET model file: model files are zip archives, and this file does not start with a zip header.", path);
        VerifyChecksums(stream, path);

        ITransformer model;
        try
        {
            model = catalog.Load(stream, out inputSchema);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // ML.NET calls loaders by reflection: look past its wrappers for the real cause.
            var causes = Chain(e).Where(c => c is not System.Reflection.TargetInvocationException).ToList();
            string message = causes.OfType<ErtsModelFormatException>().FirstOrDefault() is { } ours
                ? $"'{path}': {ours.Message}"
                : $"'{path}' cannot be loaded as an ML.NET model; it is probably truncated or corrupt (re-save it). " +
                  $"{(causes.FirstOrDefault() ?? e).GetType().Name}: {(causes.FirstOrDefault() ?? e).Message}";
            throw new ErtsModelFormatException(message, path, e);
        }

        if (!Contains<ErtsTransformer>(model))
        {
            string found = Describe(model);
            (model as IDisposable)?.Dispose();
            throw new ErtsModelFormatException(
                $"'{path}' is an ML.NET model ({found}) but contains no ERTS classifier (ErtsTransformer).", path);
        }
        return model;
    }

    /// <summary>
    /// Checks every entry's declared size against its compressed size (<see cref="ZipEntryLimits"/>), then its content
    /// against the CRC-32 stored in the archive. Neither ML.NET nor ZipArchive does either: ML.NET extracts a large
    /// entry to a temporary file whatever its size, and a flipped bit in a weights entry otherwise loads as a model
    /// that silently scores differently.
    /// </summary>
    private static void VerifyChecksums(Stream stream, string path)
    {
        try
        {
            using var archive = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            foreach (var entry in archive.Entries) ZipEntryLimits.RequirePlausibleSize(entry, stream.Length, path);
            foreach (var entry in archive.Entries)
            {
                var crc = new Crc32();
                ZipEntryLimits.Read(entry, path, crc.Append);
                if (crc.GetCurrentHashAsUInt32() != entry.Crc32)
                    throw new ErtsModelFormatException(
                        $"'{path}' is corrupt: its entry '{entry.FullName}' does not match its checksum (CRC-32 {crc.GetCurrentHashAsUInt32():X8}, stored {entry.Crc32:X8}). Re-save the model.", path);
            }
        }
        catch (InvalidDataException e)
        {
            throw new ErtsModelFormatException($"'{path}' is not a readable zip archive; it is probably truncated or corrupt (re-save it). {e.Message}", path, e);
        }
        stream.Position = 0;
    }

    private static IEnumerable<Exception> Chain(Exception? error)
    {
        for (; error is not null; error = error.InnerException) yield return error;
    }

    private static bool StartsWithZipSignature(Stream stream)
    {
        Span<byte> header = stackalloc byte[4];
        int read = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        stream.Position = 0;
        return read == header.Length && header.SequenceEqual(ZipSignature);
    }

    private static bool Contains<T>(ITransformer model) where T : ITransformer =>
        model is T || (model is IEnumerable<ITransformer> chain && chain.Any(Contains<T>));

    private static string Describe(ITransformer model) =>
        model is IEnumerable<ITransformer> chain
            ? "a chain of " + (chain.Any() ? string.Join(", ", chain.Select(Describe)) : "no transformers")
            : model.GetType().Name;
}
