using System.Reflection;
using Erts.MLNet.Persistence;
using Microsoft.ML;
using Microsoft.ML.Runtime;

namespace Erts.MLNet.Catalog;

/// <summary>Makes models that contain Erts.MLNet transformers loadable with <c>mlContext.Model.Load</c>.</summary>
public static class ErtsComponents
{
    // Every class of this assembly marked [ModelLoader]: adding a persistable transformer needs no edit here.
    private static readonly Lazy<(Type Type, ModelLoaderAttribute Loader)[]> Loaders = new(() =>
        typeof(ErtsComponents).Assembly.GetTypes()
            .Select(type => (type, loader: type.GetCustomAttribute<ModelLoaderAttribute>()))
            .Where(t => t.loader != null)
            .Select(t => (t.type, t.loader!))
            .ToArray());

    /// <summary>
    /// Registers the loaders of every Erts.MLNet transformer (ECG transforms, the ERTS trainer's model) with this
    /// catalog. Call it once on a fresh <see cref="MLContext"/> before <c>mlContext.Model.Load</c>; calling it again is harmless.
    /// </summary>
    /// <example><code>
    /// var mlContext = new MLContext();
    /// mlContext.ComponentCatalog.RegisterErtsComponents();
    /// var model = mlContext.Model.Load("ecg.zip", out var inputSchema);
    /// </code></example>
    public static void RegisterErtsComponents(this ComponentCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        foreach (var (type, loader) in Loaders.Value)
            MlNetBridge.RegisterLoader(catalog, type, loader.LoaderSignature, type.Name);
    }
}
