using Erts.MLNet.Dsp;

namespace Erts.MLNet.Transforms;

/// <summary>
/// Base of the IIR filters: designs second-order sections for the column's sampling rate and runs them forward and
/// backward over each lead (zero phase, as <c>scipy.signal.filtfilt</c> with its default odd padding).
/// </summary>
public abstract class ZeroPhaseFilterTransformer : SignalTransformerBase
{
    private protected ZeroPhaseFilterTransformer(string outputColumnName, string? inputColumnName)
        : base(outputColumnName, inputColumnName)
    {
    }

    private protected override IReadOnlyList<string> RequiredAnnotations => [SignalShape.SamplingRateAnnotation];

    /// <summary>The filter for <paramref name="samplingRate"/> Hz; throws <see cref="ArgumentException"/> for bad frequencies.</summary>
    private protected abstract SecondOrderSections Design(double samplingRate);

    private protected sealed override SignalMapping Map(SignalShape input)
    {
        var filter = Design(input.RequireSamplingRate(TransformName));
        if (input.Length <= filter.PadLength)
            throw input.Mismatch(TransformName, $"is too short for zero-phase filtering of order {filter.Order}: it needs more than {filter.PadLength} samples per lead", input.Length);
        return SignalMapping.PerLead(input, input, (source, destination, _, in _) => filter.FilterZeroPhase(source, destination));
    }
}
