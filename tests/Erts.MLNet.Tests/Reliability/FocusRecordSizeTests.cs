using Erts.MLNet.Tests.Training;
using Erts.MLNet.Training;

namespace Erts.MLNet.Tests.Reliability;

/// <summary>
/// The focus filter's record of what it scored is kept in memory, returned in the report and rewritten into every
/// checkpoint, so its size must not grow with the number of rows (before issue 15 it held one observation per scored
/// candidate per epoch: 17 bytes each in the checkpoint, gigabytes for data larger than memory).
/// </summary>
public sealed class FocusRecordSizeTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("erts-focus-size-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Run_KeepsAFocusRecordAndACheckpointOfOneSize_WhateverTheNumberOfRows()
    {
        var (small, smallCheckpointBytes) = Run(perClass: 20);
        var (large, largeCheckpointBytes) = Run(perClass: 80);

        static long Candidates(TrainingReport report) => report.FocusHistograms.Sum(h => (long)h.Count);
        Assert.True(Candidates(large) > 2 * Candidates(small), $"{Candidates(large)} vs {Candidates(small)} candidates scored");
        // The same kinds of candidate in the same epochs, at most four per epoch, each of a fixed size.
        Assert.Equal(small.FocusHistograms.Select(h => (h.Epoch, h.Kept)), large.FocusHistograms.Select(h => (h.Epoch, h.Kept)));
        Assert.InRange(large.FocusHistograms.Count, 2, 4 * large.Epochs.Count);
        Assert.All(large.FocusHistograms, h => Assert.Equal(FocusHistogram.Bins, h.FocusCounts.Count));
        // The run fingerprint names the row count ("60 ECGs" against "240 ECGs"); nothing else may differ.
        Assert.InRange(Math.Abs(largeCheckpointBytes - smallCheckpointBytes), 0, 8);
    }

    private (TrainingReport Report, long CheckpointBytes) Run(int perClass)
    {
        // Warm-up epoch 0, focus filter in epochs 2 and 3, revision in epoch 4.
        var options = TrainingLoopTests.Options("erts-dbpd", epochs: 5);
        options.CheckpointDirectory = Path.Combine(_folder, perClass.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var report = new TrainingLoop(options).Run(TrainingLoopTests.NewNetwork(), ToyEcg.Make(perClass, seed: 1).Data, validation: null);
        return (report, new FileInfo(Path.Combine(options.CheckpointDirectory, TrainingCheckpoint.FileName)).Length);
    }
}
