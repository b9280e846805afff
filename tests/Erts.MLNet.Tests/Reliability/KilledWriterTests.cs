using System.Globalization;
using System.Text.RegularExpressions;
using Erts.MLNet.Catalog;
using Erts.MLNet.CrashChild;
using Erts.MLNet.Tests.Training;
using Erts.MLNet.Training;
using Microsoft.ML;
using Xunit.Abstractions;
using CrashChildProgram = Erts.MLNet.CrashChild.Program;

namespace Erts.MLNet.Tests.Reliability;

/// <summary>
/// Issue #8: a file written while its process is killed never replaces the previous good file. A child process
/// (<c>tests/Erts.MLNet.CrashChild</c>) saves models or trains with checkpoints; this test kills it with SIGKILL at
/// seeded random moments, restarts it, and checks after every kill what a user would find on disk.
/// </summary>
/// <remarks>
/// The moments are random but the assertions are not timing-dependent: every kill must leave a loadable file, and
/// the save test goes on killing (up to a bound) until at least one kill has provably interrupted a write, which
/// shows as the killed writer's temporary file left beside the target.
/// </remarks>
public sealed partial class KilledWriterTests(ITestOutputHelper output) : IDisposable
{
    /// <summary>Kills of the save loop; more follow (up to <see cref="MaxSaveKills"/>) until one interrupted a write.</summary>
    private const int SaveKills = 10;

    private const int MaxSaveKills = 30;

    /// <summary>A save of the ResNet1d model takes about 150-250 ms here: kills land within the first two saves.</summary>
    private const int MaxSaveKillDelayMilliseconds = 400;

    private const int TrainingKills = 4;

    /// <summary>An epoch with its 25 MB checkpoint takes about 250 ms here.</summary>
    private const int MaxTrainingKillDelayMilliseconds = 300;

    private readonly string _folder = Directory.CreateTempSubdirectory("erts-killed-writer-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void SaveErtsModel_LeavesTheLastCompleteModel_WhenTheProcessIsKilledWhileSaving()
    {
        const string fileName = "model.zip";
        string path = Path.Combine(_folder, fileName);
        var random = new Random(8);
        List<float[]>? firstScores = null;
        int kills = 0, killedWhileSaving = 0, interruptedWrites = 0;

        while (kills < SaveKills || (interruptedWrites == 0 && kills < MaxSaveKills))
        {
            int leftoversBefore = Temporaries(_folder, fileName).Length;
            using (var child = CrashChildProcess.Start(CrashChildProgram.SaveLoopMode, path))
            {
                // The first child trains and must finish one save, so a good file exists before any kill; later
                // children start from the file their killed predecessor left, which they must be able to load.
                child.WaitForLineStartingWith(kills == 0 ? "saved " : "saving ");
                Assert.Equal(kills == 0 ? "trained" : "loaded", child.Lines[0]);
                Thread.Sleep(random.Next(MaxSaveKillDelayMilliseconds));
                child.Kill();
                kills++;
                if (child.Lines[^1].StartsWith("saving ", StringComparison.Ordinal)) killedWhileSaving++;
            }

            AssertHoldsOnlyTheTargetAndTemporaries(_folder, fileName);
            if (Temporaries(_folder, fileName).Length > leftoversBefore) interruptedWrites++;
            // Loading verifies every entry's CRC-32; the scores show it is the very model the first child trained.
            var scores = ScoresOfModel(path);
            firstScores ??= scores;
            Assert.Equal(firstScores, scores);
        }

        output.WriteLine($"{kills} kills; {killedWhileSaving} after a 'saving N' line and before its 'saved N'; " +
                         $"{interruptedWrites} interrupted a write (the killed writer's temporary file remained). " +
                         "After every kill the model file loaded and scored identically.");
        Assert.True(interruptedWrites > 0,
            $"None of {kills} kills landed while a model was being written, so the test proved nothing: saves got faster " +
            $"than {MaxSaveKillDelayMilliseconds} ms of random delay can hit; make the child's model larger.");
    }

    [Fact]
    public void Fit_ResumesAfterTheLastReportedEpoch_WhenTheProcessIsKilledDuringTraining()
    {
        string folder = Path.Combine(_folder, "checkpoints");
        var random = new Random(9);
        int epochsReported = 0, interruptedWrites = 0;

        for (int kill = 0; kill < TrainingKills; kill++)
        {
            int leftoversBefore = Directory.Exists(folder) ? Temporaries(folder, TrainingCheckpoint.FileName).Length : 0;
            using (var child = CrashChildProcess.Start(CrashChildProgram.TrainWithCheckpointsMode, folder))
            {
                child.WaitForLineStartingWith("epoch ");
                AssertStartedAfter(child, epochsReported);
                Thread.Sleep(random.Next(MaxTrainingKillDelayMilliseconds));
                child.Kill();
                Assert.False(child.Lines[^1].StartsWith("trained", StringComparison.Ordinal),
                    $"Training ended before kill {kill + 1}; raise {nameof(CheckpointedTraining)}.{nameof(CheckpointedTraining.Epochs)}. {child.Transcript()}");
                epochsReported = child.Lines.Where(line => line.StartsWith("epoch ", StringComparison.Ordinal))
                    .Select(line => int.Parse(line["epoch ".Length..], CultureInfo.InvariantCulture) + 1).Max();
            }

            AssertHoldsOnlyTheTargetAndTemporaries(folder, TrainingCheckpoint.FileName);
            if (Temporaries(folder, TrainingCheckpoint.FileName).Length > leftoversBefore) interruptedWrites++;
        }

        using var last = CrashChildProcess.Start(CrashChildProgram.TrainWithCheckpointsMode, folder);
        Assert.True(last.WaitForExit() == 0, $"The resumed training failed. {last.Transcript()}");
        AssertStartedAfter(last, epochsReported);
        Assert.Equal($"trained {CheckpointedTraining.Epochs} epochs", last.Lines[^1]);
        output.WriteLine($"{TrainingKills} kills during training, {interruptedWrites} of them while a checkpoint was written; " +
                         $"the last run resumed after epoch {ResumedAfter(last)} of {CheckpointedTraining.Epochs} and finished.");
    }

    /// <summary>
    /// A fresh run prints "epoch 0" first; a resumed one prints the trainer's "resuming from ... after epoch k/E"
    /// first, where k (epochs on disk) is at least the number already reported (each is on disk before it is
    /// reported), and then continues with "epoch k".
    /// </summary>
    private static void AssertStartedAfter(CrashChildProcess child, int epochsReported)
    {
        if (epochsReported == 0 && child.Lines[0] == "epoch 0") return;
        int resumedAfter = ResumedAfter(child);
        Assert.InRange(resumedAfter, epochsReported, CheckpointedTraining.Epochs);
        if (resumedAfter < CheckpointedTraining.Epochs) Assert.Equal($"epoch {resumedAfter}", child.Lines[1]);
    }

    private static int ResumedAfter(CrashChildProcess child)
    {
        var match = ResumeLine().Match(child.Lines[0]);
        Assert.True(match.Success, $"Expected the child to resume from its checkpoint. {child.Transcript()}");
        Assert.Equal(CheckpointedTraining.Epochs, int.Parse(match.Groups["epochs"].Value, CultureInfo.InvariantCulture));
        return int.Parse(match.Groups["done"].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>The target exists under its name, complete or not at all; anything else is a killed writer's hidden temporary file.</summary>
    private static void AssertHoldsOnlyTheTargetAndTemporaries(string folder, string fileName)
    {
        var names = Directory.GetFiles(folder).Select(Path.GetFileName).ToList();
        Assert.Contains(fileName, names);
        var temporaries = Temporaries(folder, fileName).Select(Path.GetFileName);
        Assert.Equal([fileName], names.Except(temporaries));
    }

    /// <summary>The temporary files <c>AtomicFile</c> names <c>.&lt;name&gt;.&lt;guid&gt;.tmp</c> beside the target.</summary>
    private static string[] Temporaries(string folder, string fileName) =>
        Directory.GetFiles(folder, $".{fileName}.*.tmp")
            .Where(path => Regex.IsMatch(Path.GetFileName(path), $@"^\.{Regex.Escape(fileName)}\.[0-9a-f]{{32}}\.tmp$"))
            .ToArray();

    private static List<float[]> ScoresOfModel(string path)
    {
        var mlContext = new MLContext(seed: 1);
        var model = mlContext.Model.LoadErtsModel(path, out _);
        using (model as IDisposable)
            return ErtsTrainerTestRows.Scores(model.Transform(TinyEcgWorkload.Data(mlContext)));
    }

    [GeneratedRegex(@"^resuming from '.+' after epoch (?<done>\d+)/(?<epochs>\d+)$")]
    private static partial Regex ResumeLine();
}
