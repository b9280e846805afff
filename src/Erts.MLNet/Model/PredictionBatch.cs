namespace Erts.MLNet.Model;

/// <summary>Network outputs for a run of consecutive rows, copied to managed memory (no tensor escapes a forward).</summary>
internal sealed class PredictionBatch
{
    private readonly float[] _probabilities;
    private readonly float[]? _profiles;
    private readonly float[]? _embeddings;

    /// <summary>Wraps the outputs of <paramref name="count"/> rows.</summary>
    /// <param name="probabilities">count x classes softmax probabilities.</param>
    /// <param name="profiles">count x samples Grad-CAM time profiles, or null when none were asked for.</param>
    /// <param name="embeddings">count x embedding-size embeddings, or null when none were asked for.</param>
    /// <param name="count">Rows in the batch.</param>
    public PredictionBatch(float[] probabilities, float[]? profiles, float[]? embeddings, int count)
    {
        _probabilities = probabilities;
        _profiles = profiles;
        _embeddings = embeddings;
        Count = count;
        Classes = PerRow(probabilities, count);
        Samples = PerRow(profiles, count);
        EmbeddingSize = PerRow(embeddings, count);
    }

    /// <summary>Rows in the batch.</summary>
    public int Count { get; }

    /// <summary>Classes per row.</summary>
    public int Classes { get; }

    /// <summary>Profile length per row (0 without profiles).</summary>
    public int Samples { get; }

    /// <summary>Embedding values per row (0 without embeddings).</summary>
    public int EmbeddingSize { get; }

    /// <summary>True when the batch carries Grad-CAM profiles.</summary>
    public bool HasProfiles => _profiles is not null;

    /// <summary>Class probabilities of row <paramref name="row"/>.</summary>
    public ReadOnlySpan<float> Probabilities(int row) => _probabilities.AsSpan(row * Classes, Classes);

    /// <summary>0-based predicted class of row <paramref name="row"/> (the first maximum, as ML.NET's evaluator takes it).</summary>
    public int PredictedClass(int row)
    {
        var probabilities = Probabilities(row);
        int best = 0;
        for (int c = 1; c < probabilities.Length; c++)
            if (probabilities[c] > probabilities[best]) best = c;
        return best;
    }

    /// <summary>Grad-CAM time profile of row <paramref name="row"/>'s predicted class.</summary>
    /// <exception cref="InvalidOperationException">The batch was computed without profiles.</exception>
    public ReadOnlySpan<float> Profile(int row) => RowOf(_profiles, row, Samples, "explanations");

    /// <summary>The network's embedding of row <paramref name="row"/>.</summary>
    /// <exception cref="InvalidOperationException">The batch was computed without embeddings.</exception>
    public ReadOnlySpan<float> Embedding(int row) => RowOf(_embeddings, row, EmbeddingSize, "embeddings");

    private static int PerRow(float[]? values, int count) => count == 0 || values is null ? 0 : values.Length / count;

    private static ReadOnlySpan<float> RowOf(float[]? values, int row, int width, string what) =>
        values is null
            ? throw new InvalidOperationException($"This batch was computed without {what}.")
            : values.AsSpan(row * width, width);
}
