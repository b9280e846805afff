using System.IO.Compression;
using System.Text.Json;
using Erts.MLNet.Model;
using Erts.MLNet.Networks;
using Erts.MLNet.Training;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Erts.MLNet.Persistence;

/// <summary>
/// A model format that uses only ML.NET's public API, for the day a new ML.NET breaks the internals that
/// <c>mlContext.Model.Save/Load</c> of an <see cref="ErtsTransformer"/> relies on. The package is a zip holding the
/// transformers before and after the ERTS classifier as two ordinary ML.NET models, the classifier's TorchSharp
/// weights, and a JSON manifest describing it. Loading needs no component registration.
/// </summary>
/// <remarks>Prefer <c>SaveErtsModel</c>/<c>LoadErtsModel</c> (one ordinary ML.NET model file) while they work.</remarks>
public static class EcgModelPackage
{
    private const int FormatVersion = 1;
    private const string ManifestEntry = "manifest.json";
    private const string WeightsEntry = "weights.bin";
    private const string BeforeEntry = "before-erts.zip";
    private const string AfterEntry = "after-erts.zip";

    /// <summary>Saves <paramref name="model"/> as a package at <paramref name="path"/>, atomically.</summary>
    /// <param name="mlContext">The context that saves the ML.NET parts.</param>
    /// <param name="model">An <see cref="ErtsTransformer"/>, or a transformer chain with one at its top level.</param>
    /// <param name="inputSchema">The schema of the data the model reads.</param>
    /// <param name="path">Target file; replaced if it exists.</param>
    /// <exception cref="ArgumentException">The model has no <see cref="ErtsTransformer"/> at its top level.</exception>
    public static void Save(MLContext mlContext, ITransformer model, DataViewSchema inputSchema, string path)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(inputSchema);
        var transformers = model is IEnumerable<ITransformer> chain ? chain.ToList() : [model];
        int index = transformers.FindIndex(t => t is ErtsTransformer);
        if (index < 0)
            throw new ArgumentException("The model has no ErtsTransformer at its top level (nested chains are not searched).", nameof(model));
        var classifier = (ErtsTransformer)transformers[index];
        var before = new TransformerChain<ITransformer>(transformers.Take(index).ToArray());
        var after = new TransformerChain<ITransformer>(transformers.Skip(index + 1).ToArray());
        var classifierOutput = classifier.GetOutputSchema(before.GetOutputSchema(inputSchema));

        AtomicFile.Write(path, stream =>
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
            WriteEntry(zip, ManifestEntry, entry => JsonSerializer.Serialize(entry, Manifest.Of(classifier.Description)));
            WriteEntry(zip, WeightsEntry, entry =>
            {
                using var writer = new BinaryWriter(entry, System.Text.Encoding.UTF8, leaveOpen: true);
                classifier.SaveWeights(writer);
            });
            WriteEntry(zip, BeforeEntry, entry => mlContext.Model.Save(before, inputSchema, entry));
            WriteEntry(zip, AfterEntry, entry => mlContext.Model.Save(after, classifierOutput, entry));
        });
    }

    /// <summary>Loads a package written by <see cref="Save"/> as one transformer chain.</summary>
    /// <param name="mlContext">The context that loads the ML.NET parts.</param>
    /// <param name="path">The package file.</param>
    /// <param name="inputSchema">The schema of the data the model reads.</param>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="ErtsModelFormatException">The file is not a readable package; the message names the file and the problem.</exception>
    public static ITransformer Load(MLContext mlContext, string path, out DataViewSchema inputSchema)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        RegularFile.Require(path);
        ZipArchive zip;
        try
        {
            zip = ZipFile.OpenRead(path);
        }
        catch (InvalidDataException e)
        {
            throw new ErtsModelFormatException($"'{path}' is not an ERTS model package (not a readable zip archive): {e.Message}", path, e);
        }

        using (zip)
        {
            long fileLength = new FileInfo(path).Length;
            foreach (var entry in zip.Entries) ZipEntryLimits.RequirePlausibleSize(entry, fileLength, path);
            var description = ReadEntry(zip, path, ManifestEntry, stream =>
                JsonSerializer.Deserialize<Manifest>(stream)?.ToDescription(path) ?? throw new JsonException("empty manifest"));
            (var before, inputSchema) = ReadEntry(zip, path, BeforeEntry, stream => (mlContext.Model.Load(stream, out var schema), schema));
            var after = ReadEntry(zip, path, AfterEntry, stream => mlContext.Model.Load(stream, out _));
            var classifier = ReadEntry(zip, path, WeightsEntry, stream => ErtsTransformer.Rebuild(description, WeightsEntry, read =>
            {
                using var reader = new BinaryReader(stream);
                read(reader);
                return true;
            }));
            return new TransformerChain<ITransformer>([.. Flatten(before), classifier, .. Flatten(after)]);
        }
    }

    private static IEnumerable<ITransformer> Flatten(ITransformer model) =>
        model is IEnumerable<ITransformer> chain ? chain : [model];

    private static void WriteEntry(ZipArchive zip, string name, Action<Stream> write)
    {
        // ML.NET and TorchSharp both want a seekable stream; zip entry streams are not.
        using var buffer = new MemoryStream();
        write(buffer);
        using var entry = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        buffer.Position = 0;
        buffer.CopyTo(entry);
    }

    private static T ReadEntry<T>(ZipArchive zip, string path, string name, Func<Stream, T> read)
    {
        var entry = zip.GetEntry(name)
            ?? throw new ErtsModelFormatException($"'{path}' is not a complete ERTS model package: the entry '{name}' is missing.", path);
        try
        {
            using var buffer = new MemoryStream();
            ZipEntryLimits.Read(entry, path, buffer.Write);
            buffer.Position = 0;
            return read(buffer);
        }
        catch (Exception e) when (e is not ErtsModelFormatException and not OutOfMemoryException)
        {
            throw new ErtsModelFormatException($"'{path}': the package entry '{name}' cannot be read ({e.GetType().Name}: {e.Message}).", path, e);
        }
        catch (ErtsModelFormatException e) when (e.FilePath is null)
        {
            throw new ErtsModelFormatException($"'{path}': {e.Message}", path, e);
        }
    }

    /// <summary>The package's description of the classifier, stored as JSON.</summary>
    private sealed record Manifest(
        int FormatVersion,
        string Network,
        int Leads,
        int Samples,
        string[] ClassNames,
        string SignalColumnName,
        string ScoreColumnName,
        string PredictedLabelColumnName,
        string? ExplanationColumnName,
        string Library,
        string? EmbeddingColumnName = null,   // absent from packages written before the embedding column existed
        string? FocusResolution = null,       // absent from packages written before it was stored: the explained layer's
        int? Window = null,                   // the next five are absent from packages written before windowed scoring: whole inputs
        int? Stride = null,
        string? SignalLengthColumnName = null,
        string? AuxiliaryColumnName = null,
        float[][]? AuxiliaryScaling = null,   // [means, standard deviations]
        string[]? LeadNames = null,           // the next two are absent when the training data did not state them, or from older packages
        float? SamplingRate = null)
    {
        public static Manifest Of(ModelDescription model) => new(
            EcgModelPackage.FormatVersion, model.Network.ToString(), model.Leads, model.Samples, model.ClassNames.ToArray(),
            model.SignalColumnName, model.ScoreColumnName, model.PredictedLabelColumnName, model.ExplanationColumnName,
            "Erts.MLNet " + typeof(EcgModelPackage).Assembly.GetName().Version, model.EmbeddingColumnName, model.FocusResolution.ToString(),
            model.Window, model.Stride, model.SignalLengthColumnName, model.AuxiliaryColumnName,
            model.AuxiliaryScaling is { } scaling ? [scaling.Means, scaling.Deviations] : null,
            model.LeadNames?.ToArray(), model.SamplingRate);

        public ModelDescription ToDescription(string path)
        {
            if (FormatVersion != EcgModelPackage.FormatVersion)
                throw new ErtsModelFormatException($"'{path}' is package format {FormatVersion}; this Erts.MLNet reads format {EcgModelPackage.FormatVersion}.", path);
            if (!Enum.TryParse<Backbone>(Network, out var backbone))
                throw new ErtsModelFormatException($"'{path}' names an unknown network '{Network}'; it was saved by a newer Erts.MLNet.", path);
            if (Leads < 1 || Samples < 1 || ClassNames is null || ClassNames.Length < 2)
                throw new ErtsModelFormatException($"'{path}' has an invalid shape: {Leads} lead(s) x {Samples} samples, {ClassNames?.Length ?? 0} classes.", path);
            var focusResolution = Explainability.FocusResolution.ExplainedLayer;
            if (FocusResolution is not null && !(Enum.TryParse(FocusResolution, out focusResolution) && Enum.IsDefined(focusResolution)))
                throw new ErtsModelFormatException($"'{path}' names an unknown focus resolution '{FocusResolution}'; it was saved by a newer Erts.MLNet.", path);
            if (Window is < 1 || Window > Samples || Stride is < 1)
                throw new ErtsModelFormatException($"'{path}' has an invalid window {Window} or stride {Stride} for {Samples} samples.", path);
            Training.AuxiliaryScaling? scaling = null;
            if (AuxiliaryScaling is { } stored)
            {
                if (stored.Length != 2 || stored[0] is null || stored[1] is null || stored[0].Length == 0 || stored[0].Length != stored[1].Length
                    || AuxiliaryColumnName is null || stored.SelectMany(v => v).Any(v => !float.IsFinite(v)))
                    throw new ErtsModelFormatException($"'{path}' has an invalid auxiliary-feature scaling.", path);
                scaling = new Training.AuxiliaryScaling(stored[0], stored[1]);
            }
            else if (AuxiliaryColumnName is not null)
                throw new ErtsModelFormatException($"'{path}' names auxiliary column '{AuxiliaryColumnName}' without its scaling.", path);
            if (LeadNames is not null && (LeadNames.Length != Leads || LeadNames.Any(name => name is null)))
                throw new ErtsModelFormatException($"'{path}' names {LeadNames.Length} leads for a model of {Leads}.", path);
            if (SamplingRate is { } rate && !(rate > 0 && float.IsFinite(rate)))
                throw new ErtsModelFormatException($"'{path}' has an invalid sampling rate {rate}.", path);
            return new ModelDescription(backbone, Leads, Samples, ClassNames, SignalColumnName, ScoreColumnName, PredictedLabelColumnName,
                ExplanationColumnName, EmbeddingColumnName, focusResolution)
            {
                Window = Window ?? Samples,
                Stride = Stride ?? Window ?? Samples,
                SignalLengthColumnName = SignalLengthColumnName,
                AuxiliaryColumnName = AuxiliaryColumnName,
                AuxiliaryScaling = scaling,
                LeadNames = LeadNames,
                SamplingRate = SamplingRate,
            };
        }
    }
}
