using Erts.MLNet.Explainability;
using Erts.MLNet.Model;
using Erts.MLNet.Networks;
using Erts.MLNet.Persistence;
using Microsoft.ML;
using Microsoft.ML.Runtime;

namespace Erts.MLNet.Training;

[ModelLoader(ModelSignature, LoaderSignature, Version = FormatVersion, OldestReadableVersion = FormatWithoutEmbedding)]
public sealed partial class ErtsTransformer
{
    private const string ModelSignature = "ERTS-ECG";   // exactly 8 characters (ML.NET's rule)
    private const string LoaderSignature = "ErtsTransformer";
    private const uint FormatVersion = 0x00010005;      // raise when the layout below changes, and keep reading the old one
    private const uint FormatWithoutEmbedding = 0x00010001;   // before the embedding column name was stored
    private const uint FormatWithoutFocusResolution = 0x00010002;   // before the focus resolution was stored
    private const uint FormatWithoutWindows = 0x00010003;   // before windows, record lengths and auxiliary features were stored
    private const uint FormatWithoutLeadNames = 0x00010004;   // before the training leads' names and sampling rate were stored
    private const string WeightsStream = "TSModel";     // the stream name Microsoft.ML.TorchSharp uses

    private static object VersionInfo() => ModelLoaderAttribute.VersionInfoOf(typeof(ErtsTransformer));

    /// <summary>
    /// Writes the model into ML.NET's model file: the description (backbone, shape, class names, column names; an
    /// absent optional column is written as an empty name) in
    /// the model entry, and the TorchSharp state dict as the binary stream "TSModel", as Microsoft.ML.TorchSharp does.
    /// </summary>
    void ICanSaveModel.Save(ModelSaveContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var writer = MlNetBridge.BeginSave(ctx, VersionInfo());
        var model = Description;
        writer.Write(model.Network.ToString());
        writer.Write(model.Leads);
        writer.Write(model.Samples);
        writer.Write(model.Classes);
        foreach (var name in model.ClassNames) writer.Write(name);
        writer.Write(model.SignalColumnName);
        writer.Write(model.ScoreColumnName);
        writer.Write(model.PredictedLabelColumnName);
        writer.Write(model.ExplanationColumnName ?? "");
        writer.Write(model.EmbeddingColumnName ?? "");     // since FormatVersion 0x00010002
        writer.Write(model.FocusResolution.ToString());    // since FormatVersion 0x00010003
        writer.Write(model.Window);                         // since FormatVersion 0x00010004
        writer.Write(model.Stride);
        writer.Write(model.SignalLengthColumnName ?? "");
        writer.Write(model.AuxiliaryColumnName ?? "");
        writer.Write(model.AuxiliarySize);
        for (int j = 0; j < model.AuxiliarySize; j++)
        {
            writer.Write(model.AuxiliaryScaling!.Means[j]);
            writer.Write(model.AuxiliaryScaling.Deviations[j]);
        }
        writer.Write(model.LeadNames?.Count ?? 0);          // since FormatVersion 0x00010005; 0: the training data named no leads
        foreach (var name in model.LeadNames ?? []) writer.Write(name);
        writer.Write(model.SamplingRate ?? 0f);             // 0: the training data stated no rate
        MlNetBridge.SaveBinaryStream(ctx, WeightsStream, SaveWeights);
    }

    /// <summary>ML.NET's loader entry point, found by reflection; <paramref name="context"/> is its ModelLoadContext.</summary>
    private static ErtsTransformer Create(IHostEnvironment env, object context)
    {
        uint version = MlNetBridge.VersionWritten(context);
        var description = ReadDescription(MlNetBridge.BeginLoad(context, VersionInfo()), version);
        if (version <= FormatWithoutLeadNames)
        {
            using var channel = env.Start("ERTS model");
            channel.Warning(MessageSensitivity.None,
                "This ERTS model was saved before models recorded their training leads and sampling rate; scoring checks only the signal's size.");
        }
        return Rebuild(description, WeightsStream, read => MlNetBridge.TryLoadBinaryStream(context, WeightsStream, read));
    }

    /// <summary>Writes the network's state dict (TorchSharp's own format).</summary>
    internal void SaveWeights(BinaryWriter writer) => _runner.Save(writer);

    /// <summary>
    /// Builds the described network and fills it with the weights <paramref name="readWeights"/> hands to its callback
    /// (false when the weights are absent). The weights' size is checked against what the description implies before
    /// the network is built, so a description that states a huge shape allocates nothing.
    /// </summary>
    /// <exception cref="ErtsModelFormatException">The weights are absent, their size does not fit the description, or they do not fit the network.</exception>
    internal static ErtsTransformer Rebuild(ModelDescription description, string weightsSource, Func<Action<BinaryReader>, bool> readWeights)
    {
        EcgNetwork? network = null;
        try
        {
            bool found = readWeights(reader =>
            {
                RequireWeightsFit(description, reader.BaseStream, weightsSource);
                network = NetworkFactory.Create(description.Network, description.Leads, description.Window, description.Classes, description.AuxiliarySize);
                network.load(reader);
            });
            if (!found || network is null)
                throw new ErtsModelFormatException($"The ERTS model has no weights ('{weightsSource}'); the file is incomplete.");
            return new ErtsTransformer(network, description, report: null);
        }
        catch (Exception e)
        {
            network?.Dispose();
            if (e is ErtsModelFormatException) throw;
            throw new ErtsModelFormatException($"The ERTS model's weights ('{weightsSource}') cannot be read into a {description.Network} " +
                $"of {description.Leads} x {description.Samples} inputs and {description.Classes} classes: {e.Message}", innerException: e);
        }
    }

    /// <summary>
    /// The weights (TorchSharp's state-dict format: per tensor a name, a type, a shape, then the values) must hold the
    /// values of the described network and little more: at most <see cref="MaxHeaderBytesPerTensor"/> of name and shape
    /// per tensor. A stream that cannot seek (no length) is left to the state-dict reader.
    /// </summary>
    private static void RequireWeightsFit(ModelDescription description, Stream weights, string weightsSource)
    {
        if (!weights.CanSeek) return;
        var (bytes, tensors) = StateDictSize.Of(description.Network, description.Leads, description.Window, description.Classes, description.AuxiliarySize);
        long available = weights.Length - weights.Position;
        if (available < bytes || available > bytes + (long)tensors * MaxHeaderBytesPerTensor + MaxHeaderBytesPerTensor)
            throw new ErtsModelFormatException(
                $"The ERTS model's weights ('{weightsSource}') are {available:N0} bytes, but a {description.Network} of {description.Leads} lead(s), " +
                $"{description.Classes} classes and {description.AuxiliarySize} auxiliary features holds {bytes:N0} bytes of values in {tensors} tensors. The file is corrupt.");
    }

    // A state-dict entry's name, type and shape take a few dozen bytes; a kilobyte is far above any real one.
    private const int MaxHeaderBytesPerTensor = 1024;

    private static ModelDescription ReadDescription(BinaryReader reader, uint version)
    {
        try
        {
            string network = reader.ReadString();
            if (!Enum.TryParse<Backbone>(network, out var backbone))
                throw new ErtsModelFormatException($"The ERTS model names an unknown network '{network}'; it was saved by a newer Erts.MLNet.");
            int leads = ReadPositive(reader, "leads");
            int samples = ReadPositive(reader, "samples");
            int classes = ReadPositive(reader, "classes");
            // Each class name takes at least one byte: a count the rest of the entry cannot hold is corrupt, found before allocating.
            if (classes > reader.BaseStream.Length - reader.BaseStream.Position)
                throw new ErtsModelFormatException($"The ERTS model's class count is {classes}, which its entry cannot hold. The file is corrupt.");
            var classNames = new string[classes];
            for (int i = 0; i < classes; i++) classNames[i] = reader.ReadString();
            string signal = reader.ReadString(), score = reader.ReadString(), predicted = reader.ReadString();
            string? explanation = OptionalName(reader.ReadString());
            string? embedding = version > FormatWithoutEmbedding ? OptionalName(reader.ReadString()) : null;
            var focusResolution = version > FormatWithoutFocusResolution ? ReadFocusResolution(reader) : FocusResolution.ExplainedLayer;
            var description = new ModelDescription(backbone, leads, samples, classNames, signal, score, predicted, explanation, embedding, focusResolution);
            if (version > FormatWithoutWindows) description = ReadWindowsAndAuxiliary(reader, description);
            return version > FormatWithoutLeadNames ? ReadLeadNamesAndRate(reader, description) : description;
        }
        catch (Exception e) when (e is IOException and not ErtsModelFormatException or System.Text.DecoderFallbackException)
        {
            throw new ErtsModelFormatException($"The ERTS model description is truncated or corrupt: {e.Message}", innerException: e);
        }
    }

    private static ModelDescription ReadWindowsAndAuxiliary(BinaryReader reader, ModelDescription description)
    {
        int window = ReadPositive(reader, "window");
        int stride = ReadPositive(reader, "stride");
        if (window > description.Samples)
            throw new ErtsModelFormatException($"The ERTS model's window ({window}) is longer than its input ({description.Samples} samples). The file is corrupt.");
        string? length = OptionalName(reader.ReadString()), auxiliary = OptionalName(reader.ReadString());
        int size = reader.ReadInt32();
        // Each feature takes 8 bytes: a size the rest of the entry cannot hold is corrupt, found before allocating.
        if (size < 0 || (long)size * 8 > reader.BaseStream.Length - reader.BaseStream.Position || (size > 0) != (auxiliary is not null))
            throw new ErtsModelFormatException($"The ERTS model's auxiliary feature count is {size}, which its entry cannot hold. The file is corrupt.");
        AuxiliaryScaling? scaling = null;
        if (size > 0)
        {
            var means = new float[size];
            var deviations = new float[size];
            for (int j = 0; j < size; j++)
            {
                means[j] = reader.ReadSingle();
                deviations[j] = reader.ReadSingle();
                if (!float.IsFinite(means[j]) || !(deviations[j] >= 0) || !float.IsFinite(deviations[j]))
                    throw new ErtsModelFormatException($"The ERTS model's scaling of auxiliary feature {j} is not finite. The file is corrupt.");
            }
            scaling = new AuxiliaryScaling(means, deviations);
        }
        return description with { Window = window, Stride = stride, SignalLengthColumnName = length, AuxiliaryColumnName = auxiliary, AuxiliaryScaling = scaling };
    }

    private static ModelDescription ReadLeadNamesAndRate(BinaryReader reader, ModelDescription description)
    {
        int count = reader.ReadInt32();
        if (count != 0 && count != description.Leads)
            throw new ErtsModelFormatException($"The ERTS model names {count} leads but takes {description.Leads}. The file is corrupt.");
        var names = new string[count];
        for (int i = 0; i < count; i++) names[i] = reader.ReadString();
        float rate = reader.ReadSingle();
        if (!(rate >= 0) || !float.IsFinite(rate))
            throw new ErtsModelFormatException($"The ERTS model's sampling rate is {rate}; expected a positive number of Hz (0: not stated). The file is corrupt.");
        return description with { LeadNames = count == 0 ? null : names, SamplingRate = rate == 0 ? null : rate };
    }

    private static string? OptionalName(string stored) => stored.Length == 0 ? null : stored;

    private static FocusResolution ReadFocusResolution(BinaryReader reader)
    {
        string stored = reader.ReadString();
        return Enum.TryParse<FocusResolution>(stored, out var resolution) && Enum.IsDefined(resolution)
            ? resolution
            : throw new ErtsModelFormatException($"The ERTS model names an unknown focus resolution '{stored}'; it was saved by a newer Erts.MLNet.");
    }

    private static int ReadPositive(BinaryReader reader, string what)
    {
        int value = reader.ReadInt32();
        // 1 << 24 is far above any real ECG length or class count; larger values mean a corrupt entry.
        if (value < 1 || value > 1 << 24)
            throw new ErtsModelFormatException($"The ERTS model's {what} is {value}; expected 1 to {1 << 24}. The file is corrupt.");
        return value;
    }
}
