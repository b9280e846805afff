using Erts.MLNet.Data.DataViews;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Erts.MLNet.Model;

/// <summary>
/// The leads (in order) and the sampling rate a signal column declares through its <c>LeadNames</c> and
/// <c>SamplingRate</c> annotations, each null when the column does not state it. The trainer records them in the
/// model; scoring compares the data's with the model's, because two signals of the same size are not the same input
/// when their leads are in another order, are other leads, or were sampled at another rate.
/// </summary>
/// <param name="LeadNames">One name per lead, in order, or null.</param>
/// <param name="SamplingRate">Samples per second per lead, or null.</param>
internal sealed record SignalProvenance(IReadOnlyList<string>? LeadNames, float? SamplingRate)
{
    // Lead names come from data files: a message shows at most this many characters of them.
    private const int MaxEchoedCharacters = 200;

    // Rates are compared with this relative tolerance: 500 and 500.00003 (a float round trip) are the same rate.
    private const double RateTolerance = 1e-5;

    /// <summary>
    /// Reads the annotations of <paramref name="column"/>. Unlike the transforms, scoring never requires them (data
    /// built without the ECG convention, e.g. a <c>PredictionEngine</c> over a plain class, has none), so an annotation
    /// that is absent or not of the convention's type (one Text per lead; a positive finite Single) reads as null.
    /// </summary>
    /// <param name="column">The signal column.</param>
    /// <param name="leads">The leads the column holds (the first dimension of its type).</param>
    public static SignalProvenance Of(DataViewSchema.Column column, int leads)
    {
        var annotations = column.Annotations;
        string[]? names = null;
        if (annotations.Schema.GetColumnOrNull(EcgColumns.LeadNamesAnnotation) is { Type: VectorDataViewType { ItemType: TextDataViewType, Size: var count } }
            && count == leads)
        {
            VBuffer<ReadOnlyMemory<char>> buffer = default;
            annotations.GetValue(EcgColumns.LeadNamesAnnotation, ref buffer);
            names = buffer.DenseValues().Select(name => name.ToString()).ToArray();
        }
        float? rate = null;
        if (annotations.Schema.GetColumnOrNull(EcgColumns.SamplingRateAnnotation) is { } rateColumn && rateColumn.Type == NumberDataViewType.Single)
        {
            float value = 0;
            annotations.GetValue(EcgColumns.SamplingRateAnnotation, ref value);
            if (value > 0 && float.IsFinite(value)) rate = value;
        }
        return new SignalProvenance(names, rate);
    }

    /// <summary>The leads and rate the model was trained on (null where it does not know them).</summary>
    public static SignalProvenance Of(ModelDescription model) => new(model.LeadNames, model.SamplingRate);

    /// <summary>
    /// Checks that <paramref name="data"/> has the model's leads in the model's order and its sampling rate. What
    /// either side does not know is not compared. Lead names match case-insensitively (<c>aVR</c> is <c>AVR</c>), as
    /// <c>SelectLeads</c> matches them.
    /// </summary>
    /// <param name="data">What the scored signal column declares.</param>
    /// <param name="columnName">The signal column, for the message.</param>
    /// <exception cref="ArgumentOutOfRangeException">The leads or the rate differ; the message names both sides and the remedies.</exception>
    public void RequireSameAs(SignalProvenance data, string columnName)
    {
        var problems = new List<string>();
        if (LeadNames is { } trained && data.LeadNames is { } found && !trained.SequenceEqual(found, StringComparer.OrdinalIgnoreCase))
            problems.Add(trained.Count == found.Count && trained.Order(StringComparer.OrdinalIgnoreCase).SequenceEqual(found.Order(StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase)
                ? "the same leads in another order"
                : "other leads");
        if (SamplingRate is { } trainedRate && data.SamplingRate is { } foundRate
            && Math.Abs(trainedRate - foundRate) > RateTolerance * Math.Max(trainedRate, foundRate))
            problems.Add("another sampling rate");
        if (problems.Count == 0) return;
        throw new ArgumentOutOfRangeException("inputSchema",
            $"Input mismatch for signal column '{columnName}' ({string.Join(" and ", problems)}): the model was trained on {Describe(this)}; " +
            $"the data holds {Describe(data)}. Bring the data to the trained leads and rate (mlContext.Transforms.Ecg.SelectLeads, " +
            "mlContext.Transforms.Ecg.Resample), or set ErtsTransformer.CheckLeadsAndSamplingRate = false to score it anyway.");
    }

    private static string Describe(SignalProvenance signal)
    {
        string leads = signal.LeadNames is { } names ? $"leads [{Cap(string.Join(", ", names))}]" : "unnamed leads";
        string rate = signal.SamplingRate is { } hz ? $"{hz.ToString(System.Globalization.CultureInfo.InvariantCulture)} Hz" : "an unstated rate";
        return $"{leads} at {rate}";
    }

    private static string Cap(string text) => text.Length <= MaxEchoedCharacters ? text : text[..MaxEchoedCharacters] + "...";
}
