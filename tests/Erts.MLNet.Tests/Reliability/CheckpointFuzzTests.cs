using Erts.MLNet.Selection;
using Erts.MLNet.Tests.Reliability.Fuzzing;
using Erts.MLNet.Tests.Training;
using Erts.MLNet.Training;
using TorchSharp;
using Xunit.Abstractions;

namespace Erts.MLNet.Tests.Reliability;

/// <summary>
/// The report section of a training checkpoint (epoch reports and focus histograms), damaged and re-hashed so that
/// the damage reaches the parser: <see cref="TrainingCheckpoint.Restore"/> must refuse it with a
/// <see cref="TrainingCheckpointException"/>, or load a record the training loop could have written, within the
/// fuzzer's time and allocation bounds.
/// </summary>
public sealed class CheckpointFuzzTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("erts-checkpoint-fuzz-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Restore_ThrowsOnlyTrainingCheckpointException_OnDamagedFocusHistograms()
    {
        var (train, flipped) = ToyEcg.Make(perClass: 20, seed: 1, flipFraction: 0.2);
        var options = TrainingLoopTests.Options("erts-dbpd", epochs: 5);
        options.CheckpointDirectory = _folder;
        options.FocusFlaggedRows = flipped;
        var network = TrainingLoopTests.NewNetwork();
        var report = new TrainingLoop(options).Run(network, train, validation: null);
        Assert.Contains(report.FocusHistograms, h => h.Flagged);

        var checkpoint = new TrainingCheckpoint(_folder);
        byte[] payload = File.ReadAllBytes(checkpoint.FilePath)[..^32];
        var (start, end) = ReportSection(payload);
        byte[] section = payload[start..end];
        int histograms = section.Length - report.FocusHistograms.Count * 1222; // where the histograms begin
        var fingerprint = RunFingerprint.Of(options, network, train, validation: null);
        using var runner = new EpochRunner(network, train, SelectionPolicies.Create(options.SelectionPolicy, options), options, torch.CPU);
        using var best = new BestCheckpoint();

        void Restore(byte[] damaged)
        {
            File.WriteAllBytes(checkpoint.FilePath, CheckpointBytes.WithHash([.. payload[..start], .. damaged, .. payload[end..]]));
            var progress = checkpoint.Restore(fingerprint, network, runner, best);
            foreach (var h in progress.FocusHistograms)
                if (h.Epoch >= progress.Epochs.Count || h.Count < 0 || new[] { h.ConfidenceCounts, h.FocusCounts, h.ReliabilityCounts }.Any(c => c.Sum(n => (long)n) > h.Count))
                    throw new InvalidDataException($"a damaged record loaded that the loop could not have written: {h}");
        }

        var mutator = new Mutator(seed: 15);
        new FuzzCampaign("checkpoint report section, mutated bytes", typeof(TrainingCheckpointException))
            .Run(600, _ => mutator.MutateBytes(section), Restore, bytes => $"{bytes.Length} bytes")
            .AssertNoFindings(output);

        var random = new Random(15);
        new FuzzCampaign("checkpoint focus histograms, extreme fields", typeof(TrainingCheckpointException))
            .Run(400, _ => OverwriteField(section, histograms, random), Restore, bytes => $"{bytes.Length} bytes")
            .AssertNoFindings(output);
    }

    /// <summary>Where the report (<see cref="TrainingProgress"/>) lies in a checkpoint's payload.</summary>
    private static (int Start, int End) ReportSection(byte[] payload)
    {
        using var reader = new BinaryReader(new MemoryStream(payload));
        reader.ReadBytes(12); // "ERTSCKPT" and the format version
        RunFingerprint.Read(reader);
        int start = (int)reader.BaseStream.Position;
        TrainingProgress.Read(reader);
        return (start, (int)reader.BaseStream.Position);
    }

    // One field of one histogram (or the histogram count before them) set to an extreme value.
    private static byte[] OverwriteField(byte[] section, int histograms, Random random)
    {
        var copy = (byte[])section.Clone();
        int[] ints = [int.MinValue, -1, 0, 1, 2, 3, 4, 5, 99, 100, 1 << 20, int.MaxValue];
        double[] doubles = [double.NaN, double.PositiveInfinity, double.NegativeInfinity, -1, 1e300, 0];
        int count = (section.Length - histograms) / 1222;
        if (random.Next(20) == 0)
        {
            BitConverter.TryWriteBytes(copy.AsSpan(histograms - 4), ints[random.Next(ints.Length)]);
            return copy;
        }
        int at = histograms + random.Next(count) * 1222;
        switch (random.Next(6))
        {
            case 0: BitConverter.TryWriteBytes(copy.AsSpan(at), ints[random.Next(ints.Length)]); break;           // epoch
            case 1: copy[at + 4 + random.Next(2)] = (byte)random.Next(4); break;                                 // kept, flagged
            case 2: BitConverter.TryWriteBytes(copy.AsSpan(at + 6), ints[random.Next(ints.Length)]); break;       // count
            case 3: BitConverter.TryWriteBytes(copy.AsSpan(at + 10), doubles[random.Next(doubles.Length)]); break; // focus sum
            case 4: BitConverter.TryWriteBytes(copy.AsSpan(at + 18), ints[random.Next(ints.Length)]); break;      // score age
            default: BitConverter.TryWriteBytes(copy.AsSpan(at + 22 + 4 * random.Next(3 * FocusHistogram.Bins)), ints[random.Next(ints.Length)]); break;
        }
        return copy;
    }
}
