using System.Reflection;

namespace Erts.MLNet.Persistence;

/// <summary>
/// Marks a transformer that <c>mlContext.Model.Save/Load</c> can persist: it carries the names stored in the model
/// header, and <c>RegisterErtsComponents</c> registers every class so marked. The class must also declare the loader
/// <c>private static T Create(IHostEnvironment env, object context)</c>.
/// </summary>
/// <param name="modelSignature">Exactly 8 characters stored in the model header, e.g. "ECGRESMP".</param>
/// <param name="loaderSignature">The name the loader is registered and found under, e.g. "EcgResample"; at most 23 characters (the model header's limit).</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
internal sealed class ModelLoaderAttribute(string modelSignature, string loaderSignature) : Attribute
{
    public string ModelSignature { get; } = modelSignature;

    public string LoaderSignature { get; } = loaderSignature;

    /// <summary>Format version written and read; raise it when the saved layout changes (and keep reading the old one).</summary>
    public uint Version { get; init; } = 0x00010001;

    /// <summary>
    /// The oldest format version the loader still reads (ML.NET's "we can read back"); defaults to
    /// <see cref="Version"/>. Older files are refused by ML.NET with a version error before the loader runs.
    /// </summary>
    public uint OldestReadableVersion
    {
        get => _oldestReadableVersion ?? Version;
        init => _oldestReadableVersion = value;
    }

    private readonly uint? _oldestReadableVersion;

    /// <summary>The ML.NET VersionInfo of <paramref name="transformerType"/>, which must carry this attribute.</summary>
    public static object VersionInfoOf(Type transformerType)
    {
        var attribute = transformerType.GetCustomAttribute<ModelLoaderAttribute>()
            ?? throw new InvalidOperationException($"{transformerType.Name} has no [ModelLoader] attribute, so it cannot be saved");
        if (attribute.LoaderSignature.Length > 23)
            throw new InvalidOperationException($"{transformerType.Name}: loader signature '{attribute.LoaderSignature}' is longer than the 23 characters an ML.NET model header holds");
        return MlNetBridge.VersionInfo(attribute.ModelSignature, attribute.Version, attribute.OldestReadableVersion,
            attribute.LoaderSignature, transformerType.Assembly);
    }
}
