namespace Erts.MLNet.Data.Datasets;

/// <summary>A stretch of signal given either in seconds or in samples; seconds adapt to each record's sampling rate.</summary>
public readonly record struct SignalDuration
{
    private SignalDuration(double? seconds, int? samples) => (Seconds, Samples) = (seconds, samples);

    /// <summary>The duration in seconds, or null when given in samples.</summary>
    public double? Seconds { get; }

    /// <summary>The duration in samples, or null when given in seconds.</summary>
    public int? Samples { get; }

    /// <summary>A duration in seconds (at least 0).</summary>
    /// <param name="seconds">Seconds, e.g. 0.25.</param>
    /// <exception cref="ArgumentOutOfRangeException">Negative or not finite.</exception>
    public static SignalDuration FromSeconds(double seconds)
    {
        if (!(seconds >= 0) || double.IsInfinity(seconds))
            throw new ArgumentOutOfRangeException(nameof(seconds), seconds, "must be a finite number >= 0");
        return new SignalDuration(seconds, null);
    }

    /// <summary>A duration in samples (at least 0).</summary>
    /// <param name="samples">Samples, e.g. 90.</param>
    /// <exception cref="ArgumentOutOfRangeException">Negative.</exception>
    public static SignalDuration FromSamples(int samples)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(samples);
        return new SignalDuration(null, samples);
    }

    /// <summary>Samples at a sampling rate: the sample count as given, or round(seconds × rate).</summary>
    /// <param name="samplingRate">Samples per second.</param>
    public int ToSamples(double samplingRate) => Samples ?? (int)Math.Round(Seconds.GetValueOrDefault() * samplingRate);

    /// <inheritdoc/>
    public override string ToString() => Samples is { } n ? $"{n} samples" : $"{Seconds} s";
}
