namespace Erts.MLNet.Persistence;

/// <summary>
/// Marks a type of this assembly that ML.NET must be able to load from a model file. The type needs
/// <c>private static T Create(IHostEnvironment env, object context)</c>, where <c>context</c> is ML.NET's
/// ModelLoadContext. <c>RegisterErtsComponents</c> registers every marked type, so a new loadable component only
/// needs this attribute.
/// </summary>
/// <param name="loaderSignature">The name saved models refer to the loader by; never change it once released.</param>
/// <param name="userName">A readable name for ML.NET's messages.</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
internal sealed class ModelLoaderAttribute(string loaderSignature, string userName) : Attribute
{
    /// <summary>The name saved models refer to the loader by.</summary>
    public string LoaderSignature { get; } = loaderSignature;

    /// <summary>A readable name for ML.NET's messages.</summary>
    public string UserName { get; } = userName;
}
