using Erts.MLNet.Data.DataViews;
using Erts.MLNet.Persistence;
using Microsoft.ML.Runtime;

namespace Erts.MLNet.Transforms;

/// <summary>
/// Z-scores every lead: <c>(x - mean) / (std + epsilon)</c>, with the mean and (population) standard deviation of
/// the record's own lead (<see cref="LeadNormalizationScope.PerRecord"/>) or of that lead over the training set
/// (<see cref="LeadNormalizationScope.Dataset"/>, see <see cref="LeadNormalizingEstimator"/>).
/// </summary>
/// <remarks>
/// In a view of whole records (<c>SignalLength</c>) the moments are those of the record alone, never of its padding,
/// and the padding stays zero (it is not shifted to <c>-mean / std</c>).
/// </remarks>
[ModelLoader("ECGLNORM", "EcgNormalizeLeads")]
public sealed class LeadNormalizingTransformer : SignalTransformerBase
{
    private readonly float[]? _means;
    private readonly float[]? _deviations;

    internal LeadNormalizingTransformer(float epsilon, float[]? means, float[]? deviations, string outputColumnName, string? inputColumnName)
        : base(outputColumnName, inputColumnName)
    {
        if (!(epsilon >= 0) || !float.IsFinite(epsilon))
            throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "epsilon must be a finite number >= 0");
        if ((means is null) != (deviations is null) || means?.Length != deviations?.Length)
            throw new ArgumentException("fitted means and standard deviations must both be given, one per lead", nameof(means));
        Epsilon = epsilon;
        _means = means;
        _deviations = deviations;
    }

    /// <summary>Where the statistics come from.</summary>
    public LeadNormalizationScope Scope => _means is null ? LeadNormalizationScope.PerRecord : LeadNormalizationScope.Dataset;

    /// <summary>Added to the standard deviation, so that a flat lead becomes zeros rather than NaN.</summary>
    public float Epsilon { get; }

    /// <summary>Fitted mean of each lead (<see cref="LeadNormalizationScope.Dataset"/>), else null.</summary>
    public IReadOnlyList<float>? Means => _means;

    /// <summary>Fitted standard deviation of each lead (<see cref="LeadNormalizationScope.Dataset"/>), else null.</summary>
    public IReadOnlyList<float>? StandardDeviations => _deviations;

    private protected override string TransformName => "NormalizeLeads";

    private protected override SignalMapping Map(SignalColumn input)
    {
        if (_means is { Length: var fitted } && fitted != input.Leads)
            throw Mismatch(input, $"must have the {fitted} leads the statistics were fitted on", $"{input.Leads} leads");
        return SignalMapping.PerLead(input, input, (source, destination, lead, in _) =>
        {
            var (mean, deviation) = _means is null ? Moments.Of(source) : (_means[lead], _deviations![lead]);
            float scale = (float)(1 / (deviation + Epsilon));
            for (int i = 0; i < source.Length; i++) destination[i] = (float)((source[i] - mean) * scale);
        });
    }

    private protected override void SaveParameters(BinaryWriter writer)
    {
        writer.Write(Epsilon);
        writer.Write(_means?.Length ?? -1);
        for (int lead = 0; lead < (_means?.Length ?? 0); lead++)
        {
            writer.Write(_means![lead]);
            writer.Write(_deviations![lead]);
        }
    }

    private static LeadNormalizingTransformer Create(IHostEnvironment env, object context)
    {
        var reader = LoadHeader<LeadNormalizingTransformer>(context, out string output, out string input);
        float epsilon = reader.ReadSingle();
        int leads = reader.ReadInt32();
        if (leads < 0) return new LeadNormalizingTransformer(epsilon, null, null, output, input);
        float[] means = new float[leads], deviations = new float[leads];
        for (int lead = 0; lead < leads; lead++)
        {
            means[lead] = reader.ReadSingle();
            deviations[lead] = reader.ReadSingle();
        }
        return new LeadNormalizingTransformer(epsilon, means, deviations, output, input);
    }
}
