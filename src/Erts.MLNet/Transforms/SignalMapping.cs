using Erts.MLNet.Data.DataViews;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Erts.MLNet.Transforms;

/// <summary>
/// Which row is being mapped: its position in the cursor, a key stable for that row within one pass, and how many
/// samples per lead hold the record.
/// </summary>
/// <param name="Position">The cursor position (for messages).</param>
/// <param name="RandomKey">64 well-mixed bits derived from the row's id, the pass over the data and nothing else.</param>
/// <param name="Length">Samples per lead of the input that are the record: the row's <c>SignalLength</c> (checked to
/// lie in [1, samples]) in a view of whole records, else the input's samples per lead. Beyond it the input is padding.</param>
internal readonly record struct SignalRow(long Position, ulong RandomKey, int Length);

/// <summary>Maps one row's signal (lead-major) into the output buffer, which has the output shape's size.</summary>
internal delegate void SignalRowFunction(ReadOnlySpan<float> source, Span<float> destination, in SignalRow row);

/// <summary>A transform bound to one input shape: the output column's type and annotations, and the per-row function.</summary>
/// <param name="OutputType">Type of the output column (a signal, or e.g. a feature vector).</param>
/// <param name="OutputAnnotations">Annotations of the output column.</param>
/// <param name="Map">The per-row computation; must be thread-safe (cursor sets call it from several threads). It reads
/// only the record (<see cref="SignalRow.Length"/> samples per lead) and, for a signal output, writes zeros after the
/// output's record.</param>
/// <param name="UsesRandomKey">Whether <see cref="SignalRow.RandomKey"/> is needed (reading row ids costs a call per row).</param>
internal sealed record SignalMapping(VectorDataViewType OutputType, DataViewSchema.Annotations OutputAnnotations, SignalRowFunction Map, bool UsesRandomKey = false)
{
    /// <summary>A mapping whose output is again a signal of the ECG convention, of shape <paramref name="Output"/>.</summary>
    // Parameter names match the primary constructor's, so callers can name them either way.
    public SignalMapping(SignalColumn Output, SignalRowFunction Map, bool UsesRandomKey = false, Func<int, int>? RowLength = null)
        : this(Output.Type, Output.Annotations(), Map, UsesRandomKey)
    {
        OutputSignal = Output;
        this.RowLength = RowLength;
    }

    /// <summary>The output as a signal of the ECG convention, or null when it is something else (a feature vector).</summary>
    public SignalColumn? OutputSignal { get; private init; }

    /// <summary>
    /// The output record's samples per lead for an input record of the given samples per lead, or null when every
    /// record keeps its length (filters, normalisation, lead selection; also a crop or pad to a length no record exceeds).
    /// </summary>
    public Func<int, int>? RowLength { get; private init; }

    /// <summary>
    /// A mapping that applies <paramref name="perLead"/> to the record of each lead independently: it reads the row's
    /// <see cref="SignalRow.Length"/> samples and writes <paramref name="rowLength"/> of them (the same number when null);
    /// the rest of each output lead is zeroed.
    /// </summary>
    public static SignalMapping PerLead(SignalColumn input, SignalColumn output, LeadFunction perLead, Func<int, int>? rowLength = null) =>
        new(output, (source, destination, in row) =>
        {
            int length = row.Length, outputLength = rowLength?.Invoke(length) ?? length;
            for (int lead = 0; lead < input.Leads; lead++)
            {
                var outputLead = destination.Slice(lead * output.Samples, output.Samples);
                perLead(source.Slice(lead * input.Samples, length), outputLead[..outputLength], lead, row);
                outputLead[outputLength..].Clear();
            }
        }, RowLength: rowLength);
}

/// <summary>Maps the record of one lead (padding excluded) into the output lead's record.</summary>
internal delegate void LeadFunction(ReadOnlySpan<float> source, Span<float> destination, int lead, in SignalRow row);
