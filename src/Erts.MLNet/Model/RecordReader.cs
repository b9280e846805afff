using Erts.MLNet.Training;
using Microsoft.ML.Data;

namespace Erts.MLNet.Model;

/// <summary>The checks and copies shared by the scored cursor and the single-row mapper when they gather rows for the network.</summary>
internal static class RecordReader
{
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

    /// <summary>Copies a row's auxiliary features into slot <paramref name="slot"/> of <paramref name="records"/>, refusing non-finite values.</summary>
    /// <exception cref="InvalidOperationException">A value is NaN or infinite.</exception>
    public static void CopyAuxiliary(VBuffer<float> features, RecordBatch records, int slot, ScoringBinding binding, long position)
    {
        var destination = records.Auxiliary.AsSpan(slot * records.AuxiliarySize, records.AuxiliarySize);
        features.CopyTo(destination);
        for (int i = 0; i < destination.Length; i++)
            if (!float.IsFinite(destination[i]))
                throw new InvalidOperationException(
                    $"Row {position}: auxiliary feature {i} of column '{binding.Auxiliary!.Value.Name}' is {destination[i]}; the model takes finite values only.");
    }
}
