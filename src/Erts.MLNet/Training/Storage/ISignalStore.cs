namespace Erts.MLNet.Training.Storage;

/// <summary>
/// Where the signals of a training or validation set live: fixed-size rows of <see cref="Stride"/> floats, read by
/// index. The training loop only ever gathers the rows of one batch, so the whole set need not be in memory.
/// </summary>
internal interface ISignalStore : IDisposable
{
    /// <summary>Floats per row (leads x samples).</summary>
    int Stride { get; }

    /// <summary>Number of rows.</summary>
    int Count { get; }

    /// <summary>Bytes of signal data held in managed memory (0 for a store on disk).</summary>
    long BytesInMemory { get; }

    /// <summary>Copies row <paramref name="row"/> into <paramref name="destination"/> (exactly <see cref="Stride"/> floats).</summary>
    void Read(int row, Span<float> destination);
}
