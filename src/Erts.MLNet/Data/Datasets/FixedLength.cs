namespace Erts.MLNet.Data.Datasets;

/// <summary>Crop-or-pad of a lead-major signal to a fixed number of samples per lead.</summary>
internal static class FixedLength
{
    /// <summary>
    /// The window of <paramref name="targetLength"/> samples to read from a record of <paramref name="recordLength"/>
    /// samples: where it starts and how many samples exist (the rest is zero padding).
    /// </summary>
    public static (long Start, int Available) Window(long recordLength, int targetLength, CropPosition position)
    {
        if (recordLength <= targetLength) return (0, (int)recordLength);
        long start = position == CropPosition.Center ? (recordLength - targetLength) / 2 : 0;
        return (start, targetLength);
    }

    /// <summary>Copies a lead-major signal of <paramref name="length"/> samples per lead into <paramref name="targetLength"/> samples per lead, zero-padding at the end.</summary>
    public static float[] Pad(float[] leadMajor, int leads, int length, int targetLength)
    {
        if (length == targetLength) return leadMajor;
        var padded = new float[leads * targetLength];
        for (int lead = 0; lead < leads; lead++)
            leadMajor.AsSpan(lead * length, Math.Min(length, targetLength)).CopyTo(padded.AsSpan(lead * targetLength));
        return padded;
    }
}
