using Erts.MLNet.Networks;
using Erts.MLNet.Persistence;
using Erts.MLNet.Training;
using Microsoft.ML;
using Defaults = Erts.MLNet.Training.ErtsTrainer.Options.Defaults;

namespace Erts.MLNet.Catalog;

/// <summary>ML.NET catalog entries of ERTS.MLNet: the trainer and model files.</summary>
public static class ErtsCatalog
{
    /// <summary>The ERTS ECG trainer with every option.</summary>
    /// <param name="catalog">The multiclass trainers catalog (<c>mlContext.MulticlassClassification.Trainers</c>).</param>
    /// <param name="options">Columns, network, schedule and selection policy; see <see cref="ErtsTrainer.Options"/>.</param>
    /// <exception cref="ArgumentException">An option is empty or out of range.</exception>
    /// <example><code>
    /// var pipeline = mlContext.Transforms.Conversion.MapValueToKey("Label")
    ///     .Append(mlContext.MulticlassClassification.Trainers.Erts(new ErtsTrainer.Options { Network = Backbone.ResNet1d, Epochs = 30 }))
    ///     .Append(mlContext.Transforms.Conversion.MapKeyToValue("PredictedLabel"));
    /// </code></example>
    public static ErtsTrainer Erts(this MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog, ErtsTrainer.Options options)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new ErtsTrainer(MlNetBridge.Environment(catalog), options);
    }

    /// <summary>The ERTS ECG trainer with its common parameters; everything else keeps <see cref="ErtsTrainer.Options.Defaults"/>.</summary>
    /// <param name="catalog">The multiclass trainers catalog (<c>mlContext.MulticlassClassification.Trainers</c>).</param>
    /// <param name="labelColumnName">Key-typed label column. Default "Label".</param>
    /// <param name="signalColumnName">Known-size Single vector column, lead-major. Default "Signal".</param>
    /// <param name="epochs">Training epochs, 1 or more. Default 100.</param>
    /// <param name="network">The network to train. Default <see cref="Backbone.ResNet1d"/>.</param>
    /// <param name="selectionPolicy">Which samples get a gradient step, e.g. "full" or "erts-dbpd" (default).</param>
    public static ErtsTrainer Erts(this MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog,
        string labelColumnName = Defaults.LabelColumnName,
        string signalColumnName = Defaults.SignalColumnName,
        int epochs = Defaults.Epochs,
        Backbone network = Defaults.Network,
        string selectionPolicy = Defaults.SelectionPolicy) =>
        catalog.Erts(new ErtsTrainer.Options
        {
            LabelColumnName = labelColumnName,
            SignalColumnName = signalColumnName,
            Epochs = epochs,
            Network = network,
            SelectionPolicy = selectionPolicy,
        });

    /// <summary>
    /// Saves a model containing an ERTS classifier to <paramref name="filePath"/> atomically (a temporary file
    /// renamed over the target), as an ordinary ML.NET model zip that <c>mlContext.Model.Load</c> also reads.
    /// </summary>
    /// <param name="catalog"><c>mlContext.Model</c>.</param>
    /// <param name="model">The trained model (e.g. the fitted pipeline).</param>
    /// <param name="inputSchema">The schema of the data the model was fitted on (stored in the file), or null.</param>
    /// <param name="filePath">Target file; replaced if it exists.</param>
    public static void SaveErtsModel(this ModelOperationsCatalog catalog, ITransformer model, DataViewSchema? inputSchema, string filePath)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ErtsModelFile.Save(catalog, model, inputSchema, filePath);
    }

    /// <summary>
    /// Loads a model saved with <see cref="SaveErtsModel"/> or <c>mlContext.Model.Save</c>: registers the ERTS
    /// components (<see cref="ErtsComponents.RegisterErtsComponents"/>), loads the file and checks that it contains an
    /// ERTS classifier. Plain <c>mlContext.Model.Load</c> works too, after <c>RegisterErtsComponents()</c>.
    /// </summary>
    /// <param name="catalog"><c>mlContext.Model</c>.</param>
    /// <param name="filePath">The model file.</param>
    /// <param name="inputSchema">The input schema stored in the file.</param>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="ErtsModelFormatException">
    /// The path is not a regular file (a FIFO or device is refused without being opened), the file is not an ML.NET
    /// model, is truncated or corrupt (an entry failing its CRC-32, or declaring far more bytes than it compresses, or
    /// weights of another size than the model's description implies), or holds no ERTS classifier; the message names the file.
    /// </exception>
    public static ITransformer LoadErtsModel(this ModelOperationsCatalog catalog, string filePath, out DataViewSchema inputSchema)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return ErtsModelFile.Load(catalog, filePath, out inputSchema);
    }
}
