using System.IO.Compression;
using System.Text;

namespace Erts.MLNet.Tests.Reliability.Fuzzing;

/// <summary>
/// Edits a saved ERTS model file (an ML.NET model zip) as a damaged or hostile one would be: one Int32 field of the
/// ERTS description replaced, or an entry added. The zip is rewritten with valid CRC-32s, so only the content is wrong.
/// </summary>
public static class ModelFileSurgery
{
    /// <summary>The description's Int32 fields in file order, after the network name: leads, samples, classes.</summary>
    public enum Field { Leads = 0, Samples = 1, Classes = 2 }

    /// <summary>The model with <paramref name="field"/> of its ERTS description set to <paramref name="value"/>.</summary>
    public static byte[] WithField(byte[] model, string network, Field field, int value) =>
        Rewrite(model, (name, content) =>
        {
            if (!name.EndsWith("Model.key", StringComparison.Ordinal)) return content;
            byte[] marker = [(byte)network.Length, .. Encoding.UTF8.GetBytes(network)];
            int at = content.AsSpan().IndexOf(marker);
            if (at < 0) return content;
            var edited = (byte[])content.Clone();
            BitConverter.TryWriteBytes(edited.AsSpan(at + marker.Length + 4 * (int)field, 4), value);
            return edited;
        });

    /// <summary>
    /// The model with its weights entry ("TSModel") replaced by <paramref name="bytes"/> bytes: zeros (which deflate
    /// about 1000:1), or seeded random bytes (which do not compress) when <paramref name="seed"/> is given.
    /// </summary>
    public static byte[] WithWeights(byte[] model, int bytes, int? seed = null) =>
        Rewrite(model, (name, content) =>
        {
            if (!name.EndsWith("TSModel", StringComparison.Ordinal)) return content;
            var weights = new byte[bytes];
            if (seed is { } s) new Random(s).NextBytes(weights);
            return weights;
        });

    private static byte[] Rewrite(byte[] model, Func<string, byte[], byte[]> edit)
    {
        using var source = new ZipArchive(new MemoryStream(model), ZipArchiveMode.Read);
        var output = new MemoryStream();
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var entry in source.Entries)
            {
                using var buffer = new MemoryStream();
                using (var content = entry.Open()) content.CopyTo(buffer);
                using var written = target.CreateEntry(entry.FullName, CompressionLevel.Optimal).Open();
                written.Write(edit(entry.FullName, buffer.ToArray()));
            }
        return output.ToArray();
    }
}
