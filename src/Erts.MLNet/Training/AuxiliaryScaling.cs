namespace Erts.MLNet.Training;

/// <summary>
/// Standardisation of auxiliary features, (x − mean) / sd per feature with the training set's statistics, stored
/// with the model so scoring standardises exactly as training did. A constant feature (sd 0) becomes 0.
/// </summary>
/// <param name="Means">Mean per feature.</param>
/// <param name="Deviations">Population standard deviation per feature.</param>
internal sealed record AuxiliaryScaling(float[] Means, float[] Deviations)
{
    /// <summary>Features per row.</summary>
    public int Size => Means.Length;

    /// <summary>The statistics of every row of <paramref name="data"/>'s auxiliary features.</summary>
    public static AuxiliaryScaling Fit(EcgTensorData data)
    {
        int k = data.AuxiliarySize;
        var sum = new double[k];
        var squares = new double[k];
        for (int row = 0; row < data.Count; row++)
        {
            var values = data.AuxiliaryOf(row);
            for (int j = 0; j < k; j++)
            {
                sum[j] += values[j];
                squares[j] += (double)values[j] * values[j];
            }
        }
        var means = new float[k];
        var deviations = new float[k];
        for (int j = 0; j < k; j++)
        {
            double mean = sum[j] / Math.Max(1, data.Count);
            means[j] = (float)mean;
            deviations[j] = (float)Math.Sqrt(Math.Max(0, squares[j] / Math.Max(1, data.Count) - mean * mean));
        }
        return new AuxiliaryScaling(means, deviations);
    }

    /// <summary>Standardises rows of <see cref="Size"/> values in place.</summary>
    public void Apply(Span<float> rows)
    {
        for (int i = 0; i < rows.Length; i++)
        {
            int j = i % Size;
            rows[i] = Deviations[j] > 0 ? (rows[i] - Means[j]) / Deviations[j] : 0f;
        }
    }

    /// <summary><paramref name="data"/> with its auxiliary features standardised (a copy of the features; signals shared).</summary>
    public EcgTensorData Apply(EcgTensorData data)
    {
        if (data.AuxiliarySize == 0) return data;
        var values = new float[data.Count * data.AuxiliarySize];
        for (int row = 0; row < data.Count; row++) data.AuxiliaryOf(row).CopyTo(values.AsSpan(row * data.AuxiliarySize));
        Apply(values);
        return data.WithAuxiliary(values);
    }
}
