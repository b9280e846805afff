using Erts.MLNet.Networks;
using TorchSharp;
using static TorchSharp.torch;

namespace Erts.MLNet.CrashChild;

/// <summary>
/// The <c>forward-batch-of-one</c> mode: convolutions on a batch of one, the case where libtorch asks NNPACK whether it
/// initialised (oneDNN takes larger batches). Its parent reads standard error for libtorch's NNPACK warning.
/// </summary>
internal static class BatchOfOneForward
{
    public static void Run()
    {
        // Control, before any ERTS network exists: libtorch as shipped, which warns here when NNPACK cannot initialise.
        using (var conv = nn.Conv1d(1, 2, kernel_size: 3))
        using (var input = zeros(1, 1, 16))
        using (conv.call(input)) { }

        using var network = NetworkFactory.Create(Backbone.SmallCnn1d, leads: 1, samples: 64, classes: 2);
        network.eval();
        using (no_grad())
            for (int pass = 0; pass < 3; pass++)
                using (network.call(zeros(1, 1, 64))) { }
        Console.WriteLine("forwarded");
    }
}
