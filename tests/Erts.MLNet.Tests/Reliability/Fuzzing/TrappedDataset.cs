using Erts.MLNet.Tests.Data;
using Erts.MLNet.Tests.Data.Wfdb;

namespace Erts.MLNet.Tests.Reliability.Fuzzing;

/// <summary>
/// A dataset folder with one good record <c>r</c> (header, signal and annotation file) beside traps: symbolic links
/// out of the folder (absolute, relative, through a folder, in a cycle, to <c>/dev/zero</c>), FIFOs and folders in
/// place of files; and, outside it, a record <c>secret</c> whose samples and beats differ from <c>r</c>'s. Names made
/// of random prefixes and bases aim a reader at any of them: a read that succeeds must have read <c>r</c>.
/// </summary>
internal sealed class TrappedDataset : IDisposable
{
    // r and secret differ in every sample and in their beat, so a read of secret is recognised.
    public static readonly int[][] Signals = [[1, 2, 3, 4, 5, 6, 7, 8], [-1, -2, -3, -4, -5, -6, -7, -8]];
    private static readonly int[][] SecretSignals = [[999, 999, 999, 999, 999, 999, 999, 999], [-999, -999, -999, -999, -999, -999, -999, -999]];
    private static readonly string[] Extensions = ["hea", "dat", "atr"];

    private readonly TemporaryFolder outside = new();
    private readonly Random random;
    private readonly string[] prefixes;
    private readonly string[] bases;

    public TrappedDataset(int seed)
    {
        random = new Random(seed);
        WriteRecord(Folder, "r", "r.dat", Signals, beatAt: 3);
        WriteRecord(outside, "secret", "secret.dat", SecretSignals, beatAt: 5);
        Directory.CreateDirectory(Folder.Combine("sub"));
        WriteRecord(Folder, "sub/r", "r.dat", Signals, beatAt: 3);
        foreach (string ext in Extensions)
        {
            SpecialFiles.MakeLink(Folder.Combine($"in-link.{ext}"), Folder.Combine($"r.{ext}"));
            SpecialFiles.MakeLink(Folder.Combine($"out-link.{ext}"), outside.Combine($"secret.{ext}"));
            SpecialFiles.MakeLink(Folder.Combine($"rel-link.{ext}"), $"../{Path.GetFileName(outside.Path)}/secret.{ext}");
            SpecialFiles.MakeLink(Folder.Combine($"loop-a.{ext}"), Folder.Combine($"loop-b.{ext}"));
            SpecialFiles.MakeLink(Folder.Combine($"loop-b.{ext}"), Folder.Combine($"loop-a.{ext}"));
            if (File.Exists("/dev/zero")) SpecialFiles.MakeLink(Folder.Combine($"zero-link.{ext}"), "/dev/zero");
            SpecialFiles.MakeFifo(Folder.Combine($"fifo.{ext}"));
            Directory.CreateDirectory(Folder.Combine($"dir.{ext}"));
        }
        SpecialFiles.MakeLink(Folder.Combine("out-dir"), outside.Path);
        prefixes = ["", "", "./", "sub/", "../", "a/../", "../../../../", $"../{Path.GetFileName(outside.Path)}/", outside.Path + "/",
            "out-dir/", "sub/../", "//", "sub/./", "in-link/", "/"];
        bases = ["r", "r", "in-link", "out-link", "rel-link", "loop-a", "zero-link", "fifo", "dir", "secret", "missing",
            "etc/passwd", "dev/zero", new string('a', 300), "r\0x", " r", "r ", "..", "."];
    }

    /// <summary>The dataset folder.</summary>
    public TemporaryFolder Folder { get; } = new();

    /// <summary>A record name (no extension): a random prefix and base, now and then mutated.</summary>
    public string NextName()
    {
        string name = prefixes[random.Next(prefixes.Length)] + bases[random.Next(bases.Length)];
        return random.Next(8) == 0 ? name.Insert(random.Next(name.Length + 1), random.Next(2) == 0 ? "/" : "..") : name;
    }

    /// <summary>Writes a 2-signal format-16 record: header naming <paramref name="signalFile"/>, signal file, and an annotation file of one N beat.</summary>
    public static void WriteRecord(TemporaryFolder folder, string name, string signalFile, int[][] signals, int beatAt)
    {
        folder.WriteText(name + ".hea", TestRecords.Header(Path.GetFileName(name), signalFile, "16", 100, ["I", "II"], signals));
        folder.WriteBytes(Path.Combine(Path.GetDirectoryName(name) ?? "", signalFile), TestRecords.Format16(TestRecords.Interleave(signals)));
        folder.WriteBytes(name + ".atr", new MitAnnotationBuilder().Word(1, beatAt).End().ToArray());
    }

    public void Dispose()
    {
        Folder.Dispose();
        outside.Dispose();
    }
}
