namespace Erts.MLNet.Training;

/// <summary>
/// Records to score, as managed arrays: signals (leads x samples each, lead-major, zero-padded past each record's
/// length), optional lengths and optional standardised auxiliary features.
/// </summary>
/// <param name="Signals">Count x leads x samples values.</param>
/// <param name="Count">Records.</param>
/// <param name="Leads">Leads per record.</param>
/// <param name="Samples">Samples per lead of a stored record.</param>
/// <param name="Lengths">Samples per lead that hold each record, or null when every record fills its row.</param>
/// <param name="Auxiliary">Count x <paramref name="AuxiliarySize"/> standardised features, or null.</param>
/// <param name="AuxiliarySize">Auxiliary values per record (0 without them).</param>
internal sealed record RecordBatch(float[] Signals, int Count, int Leads, int Samples, int[]? Lengths, float[]? Auxiliary, int AuxiliarySize)
{
    /// <summary>Samples that hold record <paramref name="record"/>.</summary>
    public int LengthOf(int record) => Lengths?[record] ?? Samples;

    /// <summary>The stored values of record <paramref name="record"/>.</summary>
    public ReadOnlySpan<float> Signal(int record) => Signals.AsSpan(record * Leads * Samples, Leads * Samples);

    /// <summary>The auxiliary features of record <paramref name="record"/> (empty without them).</summary>
    public ReadOnlySpan<float> AuxiliaryOf(int record) =>
        Auxiliary is null ? ReadOnlySpan<float>.Empty : Auxiliary.AsSpan(record * AuxiliarySize, AuxiliarySize);

    /// <summary>Examples [<paramref name="first"/>, first + count) of <paramref name="data"/>, copied.</summary>
    public static RecordBatch From(EcgTensorData data, int first, int count)
    {
        int size = data.Leads * data.Samples;
        var signals = new float[count * size];
        int[]? lengths = data.HasLengths ? new int[count] : null;
        float[]? auxiliary = data.AuxiliarySize > 0 ? new float[count * data.AuxiliarySize] : null;
        for (int i = 0; i < count; i++)
        {
            data.CopySignal(first + i, signals.AsSpan(i * size, size));
            if (lengths is not null) lengths[i] = data.LengthOf(first + i);
            if (auxiliary is not null) data.AuxiliaryOf(first + i).CopyTo(auxiliary.AsSpan(i * data.AuxiliarySize));
        }
        return new RecordBatch(signals, count, data.Leads, data.Samples, lengths, auxiliary, data.AuxiliarySize);
    }
}
