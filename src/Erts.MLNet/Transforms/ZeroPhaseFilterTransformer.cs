using Erts.MLNet.Data.DataViews;
using Erts.MLNet.Dsp;

namespace Erts.MLNet.Transforms;

/// <summary>
/// Base of the IIR filters: designs second-order sections for the column's sampling rate and runs them forward and
/// backward over each lead (zero phase, as <c>scipy.signal.filtfilt</c> with its default odd padding).
/// </summary>
/// <remarks>
/// In a view of whole records (<c>SignalLength</c>) each lead's record is filtered on its own, as if it were the
/// whole signal: the padding after it never enters the filter, and its odd extension is taken at the record's end.
/// </remarks>
public abstract class ZeroPhaseFilterTransformer : SignalTransformerBase
{
    private protected ZeroPhaseFilterTransformer(string outputColumnName, string? inputColumnName)
        : base(outputColumnName, inputColumnName)
    {
    }

    private protected override IReadOnlyList<string> RequiredAnnotations => [EcgColumns.SamplingRateAnnotation];

    /// <summary>The filter for <paramref name="samplingRate"/> Hz; throws <see cref="ArgumentException"/> for bad frequencies.</summary>
    private protected abstract SecondOrderSections Design(double samplingRate);

    private protected sealed override SignalMapping Map(SignalColumn input)
    {
        var filter = Design(RequireSamplingRate(input));
        if (input.Samples <= filter.PadLength)
            throw Mismatch(input, $"is too short for zero-phase filtering of order {filter.Order}: it needs more than {filter.PadLength} samples per lead", input.Samples);
        return SignalMapping.PerLead(input, input, (source, destination, _, in row) =>
        {
            if (source.Length <= filter.PadLength)
                throw TooShort(row, $"zero-phase filtering of order {filter.Order} needs more than {filter.PadLength} samples per lead");
            filter.FilterZeroPhase(source, destination);
        });
    }
}
