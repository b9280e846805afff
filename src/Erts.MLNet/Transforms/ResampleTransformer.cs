using Erts.MLNet.Data.DataViews;
using Erts.MLNet.Dsp;
using Erts.MLNet.Persistence;
using Microsoft.ML.Runtime;

namespace Erts.MLNet.Transforms;

/// <summary>
/// Resamples every lead to <see cref="TargetRate"/> with an anti-aliased polyphase filter, as
/// <c>scipy.signal.resample_poly</c> (Kaiser window, beta 5): 360 to 250 Hz is the factor 25/36. The output has
/// <c>ceil(samples * target / source)</c> samples per lead and its <c>SamplingRate</c> annotation becomes the target.
/// </summary>
/// <remarks>
/// <para>Resampling in place (the default) also replaces the view's per-row <c>SamplingRate</c> column, when it has one,
/// with the target rate, so rows read afterwards state the rate of the signal they hold. Written to another column,
/// the input signal and its per-row rate stay as they were.</para>
/// <para>In a view of whole records (<c>SignalLength</c>) each record of <c>L</c> samples is resampled alone into
/// <c>ceil(L * target / source)</c> samples, zeros after them, and the per-row <c>SignalLength</c> column is replaced
/// with that length; such a view must be resampled in place (one length column cannot describe two signals).</para>
/// </remarks>
[ModelLoader("ECGRESMP", "EcgResample")]
public sealed class ResampleTransformer : SignalTransformerBase
{
    internal ResampleTransformer(float targetRate, string outputColumnName, string? inputColumnName)
        : base(outputColumnName, inputColumnName)
    {
        if (!(targetRate > 0) || !float.IsFinite(targetRate))
            throw new ArgumentOutOfRangeException(nameof(targetRate), targetRate, "the target sampling rate must be a positive number of Hz");
        TargetRate = targetRate;
    }

    /// <summary>Sampling rate of the output, in Hz.</summary>
    public float TargetRate { get; }

    private protected override string TransformName => "Resample";

    private protected override IReadOnlyList<string> RequiredAnnotations => [EcgColumns.SamplingRateAnnotation];

    private protected override SignalMapping Map(SignalColumn input)
    {
        var resampler = PolyphaseResampler.ForRates(RequireSamplingRate(input), TargetRate);
        var output = input with { Samples = resampler.OutputLength(input.Samples), SamplingRate = TargetRate };
        return SignalMapping.PerLead(input, output, (source, destination, _, in _) => resampler.Process(source, destination),
            rowLength: resampler.Up == resampler.Down ? null : resampler.OutputLength);
    }

    private protected override void SaveParameters(BinaryWriter writer) => writer.Write(TargetRate);

    private static ResampleTransformer Create(IHostEnvironment env, object context)
    {
        var reader = LoadHeader<ResampleTransformer>(context, out string output, out string input);
        return new ResampleTransformer(reader.ReadSingle(), output, input);
    }
}
