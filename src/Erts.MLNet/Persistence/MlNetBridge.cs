using System.Reflection;
using System.Reflection.Emit;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;

namespace System.Runtime.CompilerServices
{
    /// <summary>
    /// Honoured by the CLR: lets a dynamic assembly carry an attribute whose constructor is internal to
    /// Microsoft.ML.Core. Declared here because the BCL does not ship it.
    /// </summary>
    [AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
    internal sealed class IgnoresAccessChecksToAttribute(string assemblyName) : Attribute
    {
        public string AssemblyName { get; } = assemblyName;
    }
}

namespace Erts.MLNet.Persistence
{
    /// <summary>
    /// The only place that touches ML.NET internals. ML.NET 5 gives an external assembly no public way to write to a
    /// <see cref="ModelSaveContext"/>, register a model loader, build a <see cref="SchemaShape.Column"/> or see that
    /// <c>MLContext.CancelExecution()</c> was called; these
    /// members have kept their shape since ML.NET 1.0. Every member is resolved once, so a future ML.NET that changes
    /// them fails at first use with one clear <see cref="NotSupportedException"/> instead of deep inside a save.
    /// </summary>
    internal static class MlNetBridge
    {
        private const BindingFlags Any = BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.Instance;

        private static readonly Lazy<Members> Resolved = new(Members.Resolve);
        private static readonly Dictionary<string, Assembly> RegisteredShims = new();

        private static readonly Lazy<PropertyInfo> Cancelable = new(() =>
            typeof(ICanSaveModel).Assembly.GetType("Microsoft.ML.Runtime.ICancelable")?.GetProperty("IsCanceled")
            ?? throw Changed("Microsoft.ML.Runtime.ICancelable.IsCanceled missing"));

        /// <summary>Builds an ML.NET <c>VersionInfo</c> for a loader defined in <paramref name="loaderAssembly"/>.</summary>
        /// <param name="modelSignature">Exactly 8 characters, stored in the model header.</param>
        /// <param name="version">Format version written, and the oldest code version that reads it (raise it when the layout changes).</param>
        /// <param name="oldestReadable">The oldest format version this code reads back (at most <paramref name="version"/>).</param>
        /// <param name="loaderSignature">The name the loader is registered under.</param>
        /// <param name="loaderAssembly">The assembly ML.NET loads by full name before loading the model.</param>
        public static object VersionInfo(string modelSignature, uint version, uint oldestReadable, string loaderSignature, Assembly loaderAssembly)
        {
            if (modelSignature.Length != 8) throw new ArgumentException("ML.NET model signatures have exactly 8 characters.", nameof(modelSignature));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(oldestReadable, version);
            return Resolved.Value.VersionInfoCtor.Invoke([modelSignature, version, version, oldestReadable, loaderAssembly.FullName, loaderSignature, null]);
        }

        /// <summary>Positions the save context at the model, stamps the version and returns its writer.</summary>
        public static BinaryWriter BeginSave(ModelSaveContext context, object versionInfo)
        {
            var m = Resolved.Value;
            Invoke(() => m.SaveCheckAtModel.Invoke(context, null));
            Invoke(() => m.SetVersionInfo.Invoke(context, [versionInfo]));
            return (BinaryWriter)m.SaveWriter.GetValue(context)!;
        }

        /// <summary>Writes a named binary stream next to the model (as Microsoft.ML.TorchSharp does for weights).</summary>
        public static void SaveBinaryStream(ModelSaveContext context, string name, Action<BinaryWriter> write) =>
            Invoke(() => Resolved.Value.SaveBinaryStream.Invoke(context, [name, write]));

        /// <summary>Checks the stored version against ours and returns the reader. <paramref name="context"/> is a ModelLoadContext.</summary>
        public static BinaryReader BeginLoad(object context, object versionInfo)
        {
            var m = Resolved.Value;
            Invoke(() => m.LoadCheckAtModel.Invoke(context, [versionInfo]));
            return (BinaryReader)m.LoadReader.GetValue(context)!;
        }

        /// <summary>The format version the model being loaded was written in (its header's "version written").</summary>
        public static uint VersionWritten(object context)
        {
            var m = Resolved.Value;
            object header = m.LoadHeader.GetValue(context)!;
            return Convert.ToUInt32(m.HeaderVersionWritten.GetValue(header), System.Globalization.CultureInfo.InvariantCulture);
        }

        /// <summary>Reads a named binary stream; false when the model has none of that name.</summary>
        public static bool TryLoadBinaryStream(object context, string name, Action<BinaryReader> read) =>
            Invoke(() => (bool)Resolved.Value.TryLoadBinaryStream.Invoke(context, [name, read])!);

        /// <summary>
        /// Registers <paramref name="instanceType"/> as the loader of models saved under <paramref name="loaderSignature"/>.
        /// The type must have <c>private static T Create(IHostEnvironment env, object context)</c>. Idempotent.
        /// </summary>
        public static void RegisterLoader(ComponentCatalog catalog, Type instanceType, string loaderSignature, string userName)
        {
            Assembly shim;
            lock (RegisteredShims)
            {
                if (!RegisteredShims.TryGetValue(loaderSignature, out shim!))
                {
                    var m = Resolved.Value;
                    var builder = AssemblyBuilder.DefineDynamicAssembly(new AssemblyName("Erts.MLNet.LoaderShim." + loaderSignature), AssemblyBuilderAccess.Run);
                    // Without this the runtime hides the internal LoadableClass attribute from ComponentCatalog.
                    builder.SetCustomAttribute(new CustomAttributeBuilder(
                        typeof(System.Runtime.CompilerServices.IgnoresAccessChecksToAttribute).GetConstructor([typeof(string)])!,
                        [m.Core.GetName().Name!]));
                    builder.SetCustomAttribute(new CustomAttributeBuilder(m.LoadableClassCtor,
                        [instanceType, null, m.SignatureLoadModel, userName, new[] { loaderSignature }]));
                    builder.DefineDynamicModule("shim");
                    shim = builder;
                    RegisteredShims[loaderSignature] = shim;
                }
            }
            catalog.RegisterAssembly(shim);
        }

        /// <summary>A <see cref="SchemaShape.Column"/> (its only constructor is internal).</summary>
        public static SchemaShape.Column Column(string name, SchemaShape.Column.VectorKind kind, DataViewType itemType, bool isKey, SchemaShape? annotations = null) =>
            (SchemaShape.Column)Resolved.Value.ColumnCtor.Invoke([name, kind, itemType, isKey, annotations]);

        /// <summary>The <see cref="SchemaShape"/> of a real schema (<c>SchemaShape.Create</c> is internal).</summary>
        public static SchemaShape Shape(DataViewSchema schema) =>
            Invoke(() => (SchemaShape)Resolved.Value.ShapeCreate.Invoke(null, [schema])!);

        /// <summary>The <see cref="IHostEnvironment"/> behind an ML.NET catalog object (IInternalCatalog.Environment).</summary>
        public static IHostEnvironment Environment(object catalog)
        {
            var internalCatalog = catalog.GetType().GetInterfaces().SingleOrDefault(i => i.Name == "IInternalCatalog")
                ?? throw Changed("IInternalCatalog is no longer implemented by " + catalog.GetType().Name);
            return (IHostEnvironment)internalCatalog.GetProperty("Environment")!.GetValue(catalog)!;
        }

        /// <summary>
        /// True once <c>MLContext.CancelExecution()</c> has reached <paramref name="host"/>. ML.NET's own check
        /// (<c>ICancelable.IsCanceled</c>, read by its internal <c>CheckAlive</c>) is internal; a host of a custom
        /// environment that is not cancelable is never cancelled.
        /// </summary>
        public static Func<bool> CancellationProbe(IHost host)
        {
            var cancelable = Cancelable.Value;
            if (!cancelable.DeclaringType!.IsInstanceOfType(host)) return static () => false;
            return () => (bool)cancelable.GetValue(host)!;
        }

        private static void Invoke(Action action) => Invoke(() => { action(); return true; });

        private static T Invoke<T>(Func<T> call)
        {
            try { return call(); }
            catch (TargetInvocationException e) when (e.InnerException != null)
            {
                // Surface ML.NET's own error (e.g. a format mismatch) rather than the reflection wrapper.
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
                throw;
            }
        }

        private static NotSupportedException Changed(string what) =>
            new($"ML.NET internals changed ({what}); this Erts.MLNet build supports Microsoft.ML [5.0.1, 6.0). " +
                "Use EcgModelPackage for a format that does not depend on them.");

        private sealed record Members(
            Assembly Core,
            ConstructorInfo VersionInfoCtor,
            MethodInfo SaveCheckAtModel, MethodInfo SetVersionInfo, FieldInfo SaveWriter, MethodInfo SaveBinaryStream,
            MethodInfo LoadCheckAtModel, FieldInfo LoadReader, MethodInfo TryLoadBinaryStream, FieldInfo LoadHeader, FieldInfo HeaderVersionWritten,
            ConstructorInfo LoadableClassCtor, Type SignatureLoadModel, ConstructorInfo ColumnCtor, MethodInfo ShapeCreate)
        {
            public static Members Resolve()
            {
                var core = typeof(ICanSaveModel).Assembly;
                Type Need(string name) => core.GetType(name) ?? throw Changed("type " + name + " missing");
                T NotNull<T>(T? member, string what) where T : class => member ?? throw Changed(what + " missing");

                var versionInfo = Need("Microsoft.ML.VersionInfo");
                var loadContext = Need("Microsoft.ML.ModelLoadContext");
                var loadableClass = Need("Microsoft.ML.LoadableClassAttribute");
                var save = typeof(ModelSaveContext);
                var header = NotNull(loadContext.GetField("Header", Any), "ModelLoadContext.Header");
                return new Members(
                    core,
                    NotNull(versionInfo.GetConstructors(Any).FirstOrDefault(c => c.GetParameters().Length == 7), "VersionInfo(7 args)"),
                    NotNull(save.GetMethod("CheckAtModel", Any, Type.EmptyTypes), "ModelSaveContext.CheckAtModel()"),
                    NotNull(save.GetMethod("SetVersionInfo", Any), "ModelSaveContext.SetVersionInfo"),
                    NotNull(save.GetField("Writer", Any), "ModelSaveContext.Writer"),
                    NotNull(save.GetMethod("SaveBinaryStream", Any), "ModelSaveContext.SaveBinaryStream"),
                    NotNull(loadContext.GetMethod("CheckAtModel", Any, [versionInfo]), "ModelLoadContext.CheckAtModel(VersionInfo)"),
                    NotNull(loadContext.GetField("Reader", Any), "ModelLoadContext.Reader"),
                    NotNull(loadContext.GetMethod("TryLoadBinaryStream", Any), "ModelLoadContext.TryLoadBinaryStream"),
                    header,
                    NotNull(header.FieldType.GetField("ModelVerWritten", Any), "ModelHeader.ModelVerWritten"),
                    NotNull(loadableClass.GetConstructor([typeof(Type), typeof(Type), typeof(Type), typeof(string), typeof(string[])]), "LoadableClassAttribute ctor"),
                    Need("Microsoft.ML.SignatureLoadModel"),
                    NotNull(typeof(SchemaShape.Column).GetConstructors(Any).FirstOrDefault(c => c.GetParameters().Length == 5), "SchemaShape.Column ctor"),
                    NotNull(typeof(SchemaShape).GetMethod("Create", BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.Static, [typeof(DataViewSchema)]), "SchemaShape.Create(DataViewSchema)"));
            }
        }
    }
}
