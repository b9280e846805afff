using Erts.MLNet.Data.DataViews;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Erts.MLNet.Transforms;

/// <summary>Which row is being mapped: its position in the cursor and a key stable for that row within one pass.</summary>
/// <param name="Position">The cursor position (for messages).</param>
/// <param name="RandomKey">64 well-mixed bits derived from the row's id, the pass over the data and nothing else.</param>
internal readonly record struct SignalRow(long Position, ulong RandomKey);

/// <summary>Maps one row's signal (lead-major) into the output buffer, which has the output shape's size.</summary>
internal delegate void SignalRowFunction(ReadOnlySpan<float> source, Span<float> destination, in SignalRow row);

/// <summary>A transform bound to one input shape: the output column's type and annotations, and the per-row function.</summary>
/// <param name="OutputType">Type of the output column (a signal, or e.g. a feature vector).</param>
/// <param name="OutputAnnotations">Annotations of the output column.</param>
/// <param name="Map">The per-row computation; must be thread-safe (cursor sets call it from several threads).</param>
/// <param name="UsesRandomKey">Whether <see cref="SignalRow.RandomKey"/> is needed (reading row ids costs a call per row).</param>
internal sealed record SignalMapping(VectorDataViewType OutputType, DataViewSchema.Annotations OutputAnnotations, SignalRowFunction Map, bool UsesRandomKey = false)
{
    /// <summary>A mapping whose output is again a signal of the ECG convention, of shape <paramref name="Output"/>.</summary>
    // Parameter names match the primary constructor's, so callers can name them either way.
    public SignalMapping(SignalColumn Output, SignalRowFunction Map, bool UsesRandomKey = false)
        : this(Output.Type, Output.Annotations(), Map, UsesRandomKey)
    {
        OutputSignal = Output;
    }

    /// <summary>The output as a signal of the ECG convention, or null when it is something else (a feature vector).</summary>
    public SignalColumn? OutputSignal { get; private init; }

    /// <summary>A mapping that applies <paramref name="perLead"/> to each lead independently.</summary>
    public static SignalMapping PerLead(SignalColumn input, SignalColumn output, LeadFunction perLead) =>
        new(output, (source, destination, in row) =>
        {
            for (int lead = 0; lead < input.Leads; lead++)
                perLead(source.Slice(lead * input.Samples, input.Samples), destination.Slice(lead * output.Samples, output.Samples), lead, row);
        });
}

/// <summary>Maps the samples of one lead.</summary>
internal delegate void LeadFunction(ReadOnlySpan<float> source, Span<float> destination, int lead, in SignalRow row);
