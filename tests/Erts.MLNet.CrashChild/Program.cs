using TorchSharp;

namespace Erts.MLNet.CrashChild;

/// <summary>
/// A process for the tests to run from outside. The first two modes write ERTS files for ever, for a parent to kill
/// with SIGKILL at random moments; the last runs convolutions and ends. Each mode prints
/// one line per event on standard output (flushed at once), so the parent knows what the child was doing when it
/// died. Modes:
/// <list type="bullet">
/// <item><c>save-loop &lt;model path&gt;</c>: loads the model at the path (or trains one when there is none), then
/// saves it there again and again with <c>SaveErtsModel</c>: prints <c>loaded</c> or <c>trained</c>, then
/// <c>saving N</c> before and <c>saved N</c> after each save.</item>
/// <item><c>train-with-checkpoints &lt;folder&gt;</c>: fits with <c>CheckpointDirectory</c> = folder: prints the
/// trainer's <c>resuming from ...</c> line when it resumes, <c>epoch N</c> after each epoch (whose checkpoint is then
/// on disk) and <c>trained N epochs</c> at the end.</item>
/// <item><c>forward-batch-of-one</c>: runs convolutions on batches of one, first bare, then through an ERTS network,
/// and prints <c>forwarded</c>; its parent reads standard error (no path argument).</item>
/// </list>
/// </summary>
public static class Program
{
    /// <summary>The mode that saves one model over and over.</summary>
    public const string SaveLoopMode = "save-loop";

    /// <summary>The mode that trains with per-epoch checkpoints.</summary>
    public const string TrainWithCheckpointsMode = "train-with-checkpoints";

    /// <summary>The mode that runs convolutions on batches of one.</summary>
    public const string BatchOfOneForwardMode = "forward-batch-of-one";

    /// <summary>Runs the mode named by the first argument, on the path in the second when it takes one; returns 2 on a usage error.</summary>
    public static int Main(string[] args)
    {
        // The parent runs beside other work on a small machine; one thread also keeps the weights deterministic.
        torch.set_num_threads(1);
        switch (args)
        {
            case [SaveLoopMode, string modelPath]:
                SaveLoop.Run(modelPath);
                return 0;
            case [TrainWithCheckpointsMode, string folder]:
                CheckpointedTraining.Run(folder);
                return 0;
            case [BatchOfOneForwardMode]:
                BatchOfOneForward.Run();
                return 0;
            default:
                return Usage($"unknown mode or wrong argument count: '{string.Join(' ', args)}'");
        }
    }

    private static int Usage(string problem)
    {
        Console.Error.WriteLine($"{problem}. Usage: {SaveLoopMode} <model path> | {TrainWithCheckpointsMode} <folder> | {BatchOfOneForwardMode}");
        return 2;
    }
}
