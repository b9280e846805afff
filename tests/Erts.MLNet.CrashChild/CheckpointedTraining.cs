using Erts.MLNet.Catalog;
using Erts.MLNet.Training;
using Microsoft.ML;

namespace Erts.MLNet.CrashChild;

/// <summary>The <c>train-with-checkpoints</c> mode: one Fit that checkpoints every epoch into a folder and resumes from it.</summary>
public static class CheckpointedTraining
{
    /// <summary>Epochs of the run: enough that a parent can kill it several times before it ends.</summary>
    public const int Epochs = 16;

    /// <summary>Fits <see cref="Epochs"/> epochs of <see cref="TinyEcgWorkload"/> with checkpoints in <paramref name="checkpointDirectory"/>.</summary>
    public static void Run(string checkpointDirectory)
    {
        var mlContext = new MLContext(seed: 1);
        mlContext.Log += (_, message) =>
        {
            if (message.RawMessage.StartsWith("resuming from", StringComparison.Ordinal))
                Console.WriteLine(message.RawMessage);
        };
        var options = TinyEcgWorkload.TrainerOptions(Epochs, checkpointDirectory);
        // The checkpoint is written before an epoch is reported, so every epoch printed here is on disk.
        options.Progress = new ConsoleProgress();
        using var model = mlContext.MulticlassClassification.Trainers.Erts(options).Fit(TinyEcgWorkload.Data(mlContext));
        Console.WriteLine($"trained {model.Report!.Epochs.Count} epochs");
    }

    /// <summary>Prints on the training thread, in order (<see cref="Progress{T}"/> would post to the thread pool).</summary>
    private sealed class ConsoleProgress : IProgress<EpochReport>
    {
        public void Report(EpochReport value) => Console.WriteLine($"epoch {value.Epoch}");
    }
}
