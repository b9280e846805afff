namespace Erts.MLNet.Training;

/// <summary>
/// The latest confidence (and focus, when known) of every training sample, with the epoch it was taken in, so the
/// selection phase can skip the confidence pass for samples scored recently (<see cref="ErtsTrainer.Options.ScoreReuseEpochs"/>).
/// </summary>
/// <remarks>
/// One entry per training index, overwritten by every forward that touches the sample: the no-grad confidence pass
/// and the update forward of a kept sample. An entry is one forward's output: storing a new confidence clears
/// the focus unless the same forward gives one.
/// </remarks>
internal sealed class ScoreCache
{
    private const int NeverScored = -1;

    private readonly float[] _confidence;
    private readonly int[] _predicted;
    private readonly float[] _focus;
    private readonly int[] _epoch;

    /// <summary>Creates an empty cache.</summary>
    /// <param name="samples">Training-set size.</param>
    /// <param name="maxAgeEpochs">k: a score taken in epoch s may be used in epoch e when e − s &lt;= k; 1 or more.</param>
    public ScoreCache(int samples, int maxAgeEpochs)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(samples);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAgeEpochs, 1);
        MaxAgeEpochs = maxAgeEpochs;
        _confidence = new float[samples];
        _predicted = new int[samples];
        _focus = new float[samples];
        _epoch = new int[samples];
        Array.Fill(_epoch, NeverScored);
    }

    /// <summary>k: the oldest score, in epochs, that may still be used.</summary>
    public int MaxAgeEpochs { get; }

    /// <summary>Training-set size.</summary>
    public int Count => _epoch.Length;

    /// <summary>The score of <paramref name="sample"/> when it is at most <see cref="MaxAgeEpochs"/> old in <paramref name="epoch"/>.</summary>
    public bool TryGetFresh(int sample, int epoch, out CachedScore score)
    {
        int scoredIn = _epoch[sample];
        if (scoredIn == NeverScored || epoch - scoredIn > MaxAgeEpochs)
        {
            score = default;
            return false;
        }
        score = new CachedScore(_confidence[sample], _predicted[sample], _focus[sample], scoredIn);
        return true;
    }

    /// <summary>Stores one forward's output for <paramref name="sample"/>.</summary>
    /// <param name="sample">Training index.</param>
    /// <param name="epoch">Epoch of the forward.</param>
    /// <param name="confidence">p(true class).</param>
    /// <param name="predicted">Arg-max class.</param>
    /// <param name="focus">Focus of the true class, or NaN when this forward gave none.</param>
    public void Store(int sample, int epoch, float confidence, int predicted, float focus = float.NaN)
    {
        _confidence[sample] = confidence;
        _predicted[sample] = predicted;
        _focus[sample] = focus;
        _epoch[sample] = epoch;
    }

    /// <summary>Adds a focus computed from the forward stored in <paramref name="epoch"/>; ignored when the entry is from another epoch.</summary>
    public void StoreFocus(int sample, int epoch, float focus)
    {
        if (_epoch[sample] == epoch) _focus[sample] = focus;
    }

    /// <summary>Writes <paramref name="cache"/>'s entries, or a marker for "no cache".</summary>
    public static void Write(BinaryWriter writer, ScoreCache? cache)
    {
        writer.Write(cache?.Count ?? -1);
        if (cache is null) return;
        writer.Write(cache.MaxAgeEpochs);
        for (int i = 0; i < cache.Count; i++)
        {
            writer.Write(cache._confidence[i]);
            writer.Write(cache._predicted[i]);
            writer.Write(cache._focus[i]);
            writer.Write(cache._epoch[i]);
        }
    }

    /// <summary>Reads what <see cref="Write"/> wrote into <paramref name="cache"/>, which must have the same shape (or both be absent).</summary>
    /// <exception cref="InvalidDataException">The stored cache is absent, present, or sized differently from <paramref name="cache"/>.</exception>
    public static void Read(BinaryReader reader, ScoreCache? cache)
    {
        int count = reader.ReadInt32();
        int maxAge = count < 0 ? 0 : reader.ReadInt32();
        if ((cache?.Count ?? -1) != count || (cache?.MaxAgeEpochs ?? 0) != maxAge)
            throw new InvalidDataException(
                $"stored score cache has {count} samples and k = {maxAge}; this run needs {cache?.Count ?? -1} and k = {cache?.MaxAgeEpochs ?? 0} (-1: no cache)");
        if (cache is null) return;
        for (int i = 0; i < count; i++)
        {
            cache._confidence[i] = reader.ReadSingle();
            cache._predicted[i] = reader.ReadInt32();
            cache._focus[i] = reader.ReadSingle();
            cache._epoch[i] = reader.ReadInt32();
        }
    }
}
