using Erts.MLNet.Catalog;
using Microsoft.ML;

namespace Erts.MLNet.CrashChild;

/// <summary>The <c>save-loop</c> mode: saves one model over the same path until the process is killed.</summary>
internal static class SaveLoop
{
    public static void Run(string modelPath)
    {
        var mlContext = new MLContext(seed: 1);
        var data = TinyEcgWorkload.Data(mlContext);
        // A restarted child continues from the file its killed predecessor left: it must load.
        ITransformer model;
        if (File.Exists(modelPath))
        {
            model = mlContext.Model.LoadErtsModel(modelPath, out _);
            Console.WriteLine("loaded");
        }
        else
        {
            model = mlContext.MulticlassClassification.Trainers.Erts(TinyEcgWorkload.TrainerOptions(epochs: 1)).Fit(data);
            Console.WriteLine("trained");
        }

        for (long save = 1; ; save++)
        {
            Console.WriteLine($"saving {save}");
            mlContext.Model.SaveErtsModel(model, data.Schema, modelPath);
            Console.WriteLine($"saved {save}");
        }
    }
}
