using System.Collections.Concurrent;
using Erts.MLNet.Data.DataViews;
using Erts.MLNet.Persistence;
using Erts.MLNet.Transforms;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;

namespace Erts.MLNet.Features;

/// <summary>
/// Turns a signal column into a <c>Features</c> column of hand-made ECG features (a known-size <c>Single</c> vector
/// with <c>SlotNames</c>) for classic trainers such as FastTree: R peaks by <see cref="RPeakDetector"/> on one
/// lead, then the beat or rhythm features of <see cref="EcgFeatureSet"/> (see <see cref="EcgFeatureExtractor"/>).
/// Obtained from <c>mlContext.Transforms.Ecg.ExtractFeatures</c>; saved and loaded with the model.
/// </summary>
/// <remarks>
/// <para>Input: a signal column of the ECG convention with the <c>SamplingRate</c> annotation (and <c>LeadNames</c> when a
/// lead is chosen by name). Output: <c>Vector&lt;Single, n&gt;</c>, NaN where a feature is undefined for a row.</para>
/// <para>In a view of whole records (<c>SignalLength</c>) the features are those of each row's record alone, as if it
/// were the whole signal (the default beat position is the record's centre); a record shorter than 0.5 s, or than the
/// beat position, raises a <see cref="SignalLengthException"/> naming the row.</para>
/// </remarks>
[ModelLoader("ECGFEATR", "EcgFeatureTransformer")]
public sealed class EcgFeatureTransformer : SignalTransformerBase
{
    // ML.NET's AnnotationUtils.Kinds.SlotNames (internal): the name trainers and explainers read feature names from.
    private const string SlotNamesAnnotation = "SlotNames";

    internal EcgFeatureTransformer(EcgFeatureSet featureSet, string? leadName, double? beatPositionSeconds, string outputColumnName, string inputColumnName)
        : base(outputColumnName, inputColumnName)
    {
        if (!Enum.IsDefined(featureSet)) throw new ArgumentOutOfRangeException(nameof(featureSet), featureSet, "unknown feature set");
        if (beatPositionSeconds is { } position && !(position >= 0 && double.IsFinite(position)))
            throw new ArgumentOutOfRangeException(nameof(beatPositionSeconds), beatPositionSeconds, "the beat position is a time from the window's start, in seconds (>= 0)");
        FeatureSet = featureSet;
        LeadName = string.IsNullOrWhiteSpace(leadName) ? null : leadName;
        BeatPositionSeconds = beatPositionSeconds;
    }

    /// <summary>Beat or rhythm features.</summary>
    public EcgFeatureSet FeatureSet { get; }

    /// <summary>The lead analysed (matched case-insensitively against <c>LeadNames</c>), or null for the first lead.</summary>
    public string? LeadName { get; }

    /// <summary>For beat features: where the beat lies, in seconds from the window's start; null for the centre.</summary>
    public double? BeatPositionSeconds { get; }

    private protected override string TransformName => "ExtractFeatures";

    private protected override IReadOnlyList<string> RequiredAnnotations =>
        LeadName is null ? [EcgColumns.SamplingRateAnnotation] : [EcgColumns.SamplingRateAnnotation, EcgColumns.LeadNamesAnnotation];

    private protected override SignalMapping Map(SignalColumn input)
    {
        float rate = RequireSamplingRate(input);
        int lead = ResolveLead(input);
        int? beatPosition = BeatPositionSeconds is { } seconds ? (int)Math.Round(seconds * rate) : null;
        if (beatPosition >= input.Samples)
            throw Mismatch(input, $"must be longer than the beat position {BeatPositionSeconds} s", $"{input.Samples / rate:0.###} s");
        var extractor = new EcgFeatureExtractor(FeatureSet, rate, input.Samples, beatPosition);
        var slotNames = new VBuffer<ReadOnlyMemory<char>>(extractor.SlotNames.Count, extractor.SlotNames.Select(n => n.AsMemory()).ToArray());
        var annotations = new DataViewSchema.Annotations.Builder();
        annotations.Add(SlotNamesAnnotation, new VectorDataViewType(TextDataViewType.Instance, slotNames.Length),
            (ref VBuffer<ReadOnlyMemory<char>> value) => slotNames.CopyTo(ref value));
        // An extractor reads leads of one length: whole records of other lengths get their own, made once per length.
        var byLength = new ConcurrentDictionary<int, EcgFeatureExtractor>();
        byLength[input.Samples] = extractor;
        EcgFeatureExtractor ExtractorFor(in SignalRow row)
        {
            if (byLength.TryGetValue(row.Length, out var found)) return found;
            try
            {
                return byLength.GetOrAdd(row.Length, new EcgFeatureExtractor(FeatureSet, rate, row.Length, beatPosition));
            }
            catch (ArgumentOutOfRangeException e)
            {
                throw TooShort(row, $"feature extraction cannot read the record: {e.Message}");
            }
        }
        return new SignalMapping(new VectorDataViewType(NumberDataViewType.Single, extractor.SlotNames.Count), annotations.ToAnnotations(),
            (source, destination, in row) => ExtractorFor(row).Extract(source.Slice(lead * input.Samples, row.Length), destination));
    }

    private protected override SchemaShape.Column OutputColumnShape(SchemaShape.Column input) =>
        MlNetBridge.Column(OutputColumnName, SchemaShape.Column.VectorKind.Vector, NumberDataViewType.Single, false,
            new SchemaShape([MlNetBridge.Column(SlotNamesAnnotation, SchemaShape.Column.VectorKind.Vector, TextDataViewType.Instance, false)]));

    private int ResolveLead(SignalColumn input)
    {
        if (LeadName is null) return 0;
        var names = RequireLeadNames(input);
        for (int i = 0; i < names.Count; i++)
            if (string.Equals(names[i], LeadName, StringComparison.OrdinalIgnoreCase)) return i;
        throw Mismatch(input, $"has no lead '{LeadName}'", $"leads {string.Join(", ", names)}");
    }

    private protected override void SaveParameters(BinaryWriter writer)
    {
        writer.Write((int)FeatureSet);
        writer.Write(LeadName ?? "");
        writer.Write(BeatPositionSeconds ?? double.NaN);
    }

    private static EcgFeatureTransformer Create(IHostEnvironment env, object context)
    {
        var reader = LoadHeader<EcgFeatureTransformer>(context, out string output, out string input);
        var featureSet = (EcgFeatureSet)reader.ReadInt32();
        string lead = reader.ReadString();
        double position = reader.ReadDouble();
        return new EcgFeatureTransformer(featureSet, lead, double.IsNaN(position) ? null : position, output, input);
    }
}
