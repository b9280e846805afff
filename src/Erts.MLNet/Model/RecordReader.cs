using System.Globalization;
using Erts.MLNet.Data;
using Erts.MLNet.Training;
using Erts.MLNet.Transforms;
using Microsoft.ML.Data;

namespace Erts.MLNet.Model;

/// <summary>The checks and copies shared by the scored cursor and the single-row mapper when they gather rows for the network.</summary>
internal static class RecordReader
{
    /// <summary>What the model says about a non-finite signal sample.</summary>
    internal const string SignalRule =
        "an ERTS model scores finite samples only (a NaN score would make ML.NET's evaluator drop the row without a word): " +
        "replace NaN and infinities first with mlContext.Transforms.Ecg.HandleNonFinite(), or fix the source";

    /// <summary>What the model says about a non-finite auxiliary feature.</summary>
    internal const string AuxiliaryRule =
        "an ERTS model takes finite features only: replace missing features upstream, e.g. with mlContext.Transforms.ReplaceMissingValues";

    /// <summary>What the model says when finite inputs give non-finite scores.</summary>
    internal const string ScoreRule =
        "the row's inputs are finite, so the model itself overflows: its weights are not finite, or the inputs are far outside " +
        "the range it was trained on (prepare them as in training, e.g. with NormalizeLeads)";

    /// <summary>An empty batch of <paramref name="count"/> records shaped for <paramref name="binding"/>'s model and columns.</summary>
    public static RecordBatch Allocate(ScoringBinding binding, int count)
    {
        var model = binding.Model;
        return new RecordBatch(new float[count * model.SignalLength], count, model.Leads, model.Samples,
            binding.Length is null ? null : new int[count],
            binding.Auxiliary is null ? null : new float[count * model.AuxiliarySize], model.AuxiliarySize);
    }

    /// <summary>A row's record length, checked against the signal.</summary>
    /// <exception cref="InvalidOperationException">It is outside [1, samples].</exception>
    public static int CheckLength(int length, ScoringBinding binding, long position) =>
        length >= 1 && length <= binding.Model.Samples
            ? length
            : throw new InvalidOperationException(
                $"Row {position}: column '{binding.Length!.Value.Name}' is {length}; a record length must be in [1, {binding.Model.Samples}] (the signal's samples per lead).");

    /// <summary>Copies a row's signal into slot <paramref name="slot"/> of <paramref name="records"/>, refusing non-finite samples.</summary>
    /// <exception cref="NonFiniteSignalException">A sample is NaN or infinite.</exception>
    public static void CopySignal(VBuffer<float> signal, RecordBatch records, int slot, ScoringBinding binding, long position)
    {
        var destination = records.Signals.AsSpan(slot * binding.Model.SignalLength, binding.Model.SignalLength);
        signal.CopyTo(destination);
        RequireFiniteSignal(destination, binding.Model, position);
    }

    /// <summary>Refuses a signal (leads x samples of <paramref name="model"/>) that holds NaN or an infinity.</summary>
    /// <exception cref="NonFiniteSignalException">A sample is NaN or infinite.</exception>
    public static void RequireFiniteSignal(ReadOnlySpan<float> signal, ModelDescription model, long position)
    {
        if (FiniteValues.IndexOfNonFinite(signal) is var bad and >= 0)
            throw new NonFiniteSignalException(model.SignalColumnName, position, recordId: null, bad / model.Samples, leadName: null,
                bad % model.Samples, signal[bad], SignalRule);
    }

    /// <summary>Copies a row's auxiliary features into slot <paramref name="slot"/> of <paramref name="records"/>, refusing non-finite values.</summary>
    /// <exception cref="NonFiniteValueException">A value is NaN or infinite.</exception>
    public static void CopyAuxiliary(VBuffer<float> features, RecordBatch records, int slot, ScoringBinding binding, long position)
    {
        var destination = records.Auxiliary.AsSpan(slot * records.AuxiliarySize, records.AuxiliarySize);
        features.CopyTo(destination);
        RequireFiniteAuxiliary(destination, binding.Auxiliary!.Value.Name, position);
    }

    /// <summary>Refuses auxiliary features that hold NaN or an infinity.</summary>
    /// <exception cref="NonFiniteValueException">A value is NaN or infinite.</exception>
    public static void RequireFiniteAuxiliary(ReadOnlySpan<float> features, string columnName, long position)
    {
        if (FiniteValues.IndexOfNonFinite(features) is var bad and >= 0)
            throw new NonFiniteValueException(columnName, position, recordId: null, $"auxiliary feature {bad}", features[bad], AuxiliaryRule);
    }

    /// <summary>
    /// Refuses a batch whose scores are not finite. The inputs were checked, so this means the model overflows; a NaN
    /// score must not leave the model, where ML.NET's evaluator would silently drop its row.
    /// </summary>
    /// <param name="batch">The network's outputs.</param>
    /// <param name="model">The model (for the score column's name).</param>
    /// <param name="firstPosition">Position of the batch's first row.</param>
    /// <exception cref="NonFiniteValueException">A probability is NaN or infinite.</exception>
    public static void RequireFiniteScores(PredictionBatch batch, ModelDescription model, long firstPosition)
    {
        for (int row = 0; row < batch.Count; row++)
        {
            var probabilities = batch.Probabilities(row);
            if (FiniteValues.IndexOfNonFinite(probabilities) is var bad and >= 0)
                throw new NonFiniteValueException(model.ScoreColumnName, firstPosition + row, recordId: null,
                    string.Create(CultureInfo.InvariantCulture, $"the probability of class {bad}"), probabilities[bad], ScoreRule);
        }
    }
}
