using System.Security.Cryptography;
using Erts.MLNet.Networks;
using Erts.MLNet.Persistence;
using TorchSharp;
using static TorchSharp.torch;

namespace Erts.MLNet.Training;

/// <summary>
/// The file in <see cref="ErtsTrainer.Options.CheckpointDirectory"/> from which an interrupted run resumes: written
/// atomically after every epoch, checked by a SHA-256 trailer and by the <see cref="RunFingerprint"/> before use.
/// </summary>
/// <remarks>
/// Layout: "ERTSCKPT", format version (int32), the run fingerprint, the report so far (<see cref="TrainingProgress"/>),
/// the network's state dict, AdamW's state (learning rate, steps, moments), the score cache (<see cref="ScoreCache"/>,
/// a marker when scores are not reused), torch's CPU generator state, the best
/// weights so far (<see cref="BestCheckpoint"/>), then the SHA-256 of all preceding bytes. The shuffle and policy
/// randomness need no state (<see cref="EpochRandom"/>), and selection policies are stateless by contract.
/// </remarks>
internal sealed class TrainingCheckpoint
{
    /// <summary>The checkpoint's file name inside the folder.</summary>
    public const string FileName = "training-checkpoint.bin";

    // 3: focus histograms instead of one observation per scored candidate (issue 15).
    private const int FormatVersion = 3;
    private static readonly byte[] Magic = "ERTSCKPT"u8.ToArray();

    /// <summary>Points at the checkpoint of <paramref name="directory"/>; nothing is read or created yet.</summary>
    public TrainingCheckpoint(string directory) => FilePath = Path.Combine(Path.GetFullPath(directory), FileName);

    /// <summary>The checkpoint file.</summary>
    public string FilePath { get; }

    /// <summary>True when a checkpoint has been written.</summary>
    public bool Exists => File.Exists(FilePath);

    /// <summary>Writes the state at the end of an epoch, replacing the previous checkpoint only once the new one is complete on disk.</summary>
    public void Save(RunFingerprint fingerprint, TrainingProgress progress, double secondsSoFar, EcgNetwork network, EpochRunner runner, BestCheckpoint best)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        AtomicFile.Write(FilePath, file =>
        {
            // The hash transform passes the bytes through unchanged while it hashes them.
            using var sha = SHA256.Create();
            using (var hashing = new CryptoStream(file, sha, CryptoStreamMode.Write, leaveOpen: true))
            using (var writer = new BinaryWriter(hashing, System.Text.Encoding.UTF8, leaveOpen: true))
            {
                writer.Write(Magic);
                writer.Write(FormatVersion);
                fingerprint.Write(writer);
                progress.Write(writer, secondsSoFar);
                network.save(writer);
                runner.SaveOptimizerState(writer);
                runner.SaveScoreCache(writer);
                var randomState = RandomState();
                writer.Write(randomState.Length);
                writer.Write(randomState);
                best.Write(writer);
            }
            file.Write(sha.Hash!);
        });
    }

    /// <summary>
    /// Checks the file, then loads it into <paramref name="network"/>, <paramref name="runner"/> and
    /// <paramref name="best"/>, sets torch's generator, and returns the report so far.
    /// </summary>
    /// <exception cref="TrainingCheckpointException">The file is corrupt or truncated, of another format version, or of a different run.</exception>
    public TrainingProgress Restore(RunFingerprint fingerprint, EcgNetwork network, EpochRunner runner, BestCheckpoint best)
    {
        using var file = new FileStream(FilePath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
        VerifyHash(file);
        file.Position = 0;
        using var reader = new BinaryReader(file, System.Text.Encoding.UTF8, leaveOpen: true);
        try
        {
            if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic))
                throw Fail("it is not an ERTS training checkpoint (no ERTSCKPT header)");
            int version = reader.ReadInt32();
            if (version is > 0 and < FormatVersion)
                throw Fail($"it was made by an older version of Erts.MLNet (format {version}; this one reads {FormatVersion}). Delete it to start the run over, or resume with the version that wrote it");
            if (version != FormatVersion)
                throw Fail($"it has format version {version}; this Erts.MLNet reads version {FormatVersion}. Resume with the version that wrote it, or delete it");
            var differences = fingerprint.DifferencesFrom(RunFingerprint.Read(reader));
            if (differences.Count > 0)
                throw Fail($"it belongs to a different run: {string.Join("; ", differences)}. Restore those settings to resume, " +
                    "or delete the checkpoint (or choose another CheckpointDirectory) to start a new run");

            var progress = TrainingProgress.Read(reader);
            using (var scope = NewDisposeScope())
            using (no_grad())
                network.load(reader);
            runner.LoadOptimizerState(reader);
            runner.LoadScoreCache(reader);
            SetRandomState(reader.ReadBytes(reader.ReadInt32()));
            best.Read(reader);
            return progress;
        }
        catch (Exception e) when (e is not TrainingCheckpointException and not OutOfMemoryException)
        {
            // The hash matched, so the bytes are as written: a failure here means they do not fit this network.
            throw Fail($"it cannot be loaded into this network and optimiser ({e.GetType().Name}: {e.Message})", e);
        }
    }

    private void VerifyHash(FileStream file)
    {
        long payload = file.Length - SHA256.HashSizeInBytes;
        if (payload < Magic.Length) throw Fail($"it is truncated ({file.Length} bytes)");
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 16];
        for (long left = payload; left > 0;)
        {
            int read = file.Read(buffer, 0, (int)Math.Min(buffer.Length, left));
            if (read == 0) throw Fail("it changed while being read");
            hash.AppendData(buffer, 0, read);
            left -= read;
        }
        var stored = new byte[SHA256.HashSizeInBytes];
        file.ReadExactly(stored);
        if (!hash.GetHashAndReset().AsSpan().SequenceEqual(stored))
            throw Fail("its checksum does not match: the file is corrupt or truncated. Delete it to start the run again");
    }

    private static byte[] RandomState()
    {
        using var state = torch.random.get_rng_state();
        return state.data<byte>().ToArray();
    }

    private static void SetRandomState(byte[] bytes)
    {
        using var state = torch.tensor(bytes, dtype: ScalarType.Byte);
        torch.random.set_rng_state(state);
    }

    private TrainingCheckpointException Fail(string problem, Exception? inner = null) =>
        new($"The training checkpoint '{FilePath}' cannot be used: {problem}.", FilePath, inner);
}
