using TorchSharp;

namespace Erts.MLNet.CrashChild;

/// <summary>
/// A process that writes ERTS files for ever, for a parent to kill with SIGKILL at random moments. Each mode prints
/// one line per event on standard output (flushed at once), so the parent knows what the child was doing when it
/// died. Modes:
/// <list type="bullet">
/// <item><c>save-loop &lt;model path&gt;</c>: loads the model at the path (or trains one when there is none), then
/// saves it there again and again with <c>SaveErtsModel</c>: prints <c>loaded</c> or <c>trained</c>, then
/// <c>saving N</c> before and <c>saved N</c> after each save.</item>
/// <item><c>train-with-checkpoints &lt;folder&gt;</c>: fits with <c>CheckpointDirectory</c> = folder: prints the
/// trainer's <c>resuming from ...</c> line when it resumes, <c>epoch N</c> after each epoch (whose checkpoint is then
/// on disk) and <c>trained N epochs</c> at the end.</item>
/// </list>
/// </summary>
public static class Program
{
    /// <summary>The mode that saves one model over and over.</summary>
    public const string SaveLoopMode = "save-loop";

    /// <summary>The mode that trains with per-epoch checkpoints.</summary>
    public const string TrainWithCheckpointsMode = "train-with-checkpoints";

    /// <summary>Runs the mode named by the first argument on the path in the second; returns 2 on a usage error.</summary>
    public static int Main(string[] args)
    {
        if (args.Length != 2)
            return Usage($"expected 2 arguments (mode, path) but got {args.Length}");
        // The parent runs beside other work on a small machine; one thread also keeps the weights deterministic.
        torch.set_num_threads(1);
        switch (args[0])
        {
            case SaveLoopMode:
                SaveLoop.Run(args[1]);
                return 0;
            case TrainWithCheckpointsMode:
                CheckpointedTraining.Run(args[1]);
                return 0;
            default:
                return Usage($"unknown mode '{args[0]}'");
        }
    }

    private static int Usage(string problem)
    {
        Console.Error.WriteLine($"{problem}. Usage: {SaveLoopMode} <model path> | {TrainWithCheckpointsMode} <folder>");
        return 2;
    }
}
