using System.Reflection;
using Erts.MLNet.Persistence;
using Microsoft.ML;
using Microsoft.ML.Runtime;

namespace Erts.MLNet.Catalog;

/// <summary>Registration of this library's loadable components with ML.NET.</summary>
public static class ErtsComponents
{
    private static readonly Lazy<IReadOnlyList<(Type Type, ModelLoaderAttribute Loader)>> Loaders = new(() =>
        typeof(ErtsComponents).Assembly.GetTypes()
            .Select(type => (Type: type, Loader: type.GetCustomAttribute<ModelLoaderAttribute>()))
            .Where(entry => entry.Loader is not null)
            .Select(entry => (entry.Type, entry.Loader!))
            .ToList());

    /// <summary>
    /// Lets <c>mlContext.Model.Load</c> read models that contain ERTS components (the trained classifier and the ECG
    /// transforms). Call it once per <see cref="MLContext"/> before loading; calling it again does nothing.
    /// </summary>
    /// <example><code>
    /// var mlContext = new MLContext();
    /// mlContext.ComponentCatalog.RegisterErtsComponents();
    /// ITransformer model = mlContext.Model.Load("ecg-model.zip", out var inputSchema);
    /// </code></example>
    /// <remarks>
    /// ML.NET only finds loaders through an internal attribute; this call registers a small generated assembly that
    /// carries it (see <c>docs/mlnet-extensibility.md</c>). It needs a JIT runtime (not NativeAOT).
    /// </remarks>
    public static void RegisterErtsComponents(this ComponentCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        foreach (var (type, loader) in Loaders.Value)
            MlNetBridge.RegisterLoader(catalog, type, loader.LoaderSignature, loader.UserName);
    }
}
