namespace Erts.MLNet.Training;

/// <summary>The report of a run so far, plus the running totals the loop needs to continue it; part of a checkpoint.</summary>
internal sealed class TrainingProgress
{
    // Bounds that only a corrupt file exceeds; they keep a bad count from allocating gigabytes.
    private const int MaxEpochs = 1 << 20;

    /// <summary>One report per finished epoch.</summary>
    public List<EpochReport> Epochs { get; } = [];

    /// <summary>Focus histograms of the finished epochs (at most four per epoch), ordered by epoch.</summary>
    public List<FocusHistogram> FocusHistograms { get; } = [];

    /// <summary>The next epoch to train (the number finished).</summary>
    public int NextEpoch => Epochs.Count;

    /// <summary>Best validation macro-F1 so far (−∞ before the first epoch, NaN without validation).</summary>
    public double BestMacroF1 { get; set; } = double.NegativeInfinity;

    /// <summary>Samples back-propagated so far.</summary>
    public long KeptSoFar { get; set; }

    /// <summary>Wall-clock seconds spent in earlier sessions of this run (before an interruption).</summary>
    public double EarlierSessionsSeconds { get; set; }

    /// <summary>Writes everything.</summary>
    public void Write(BinaryWriter writer, double secondsSoFar)
    {
        writer.Write(BestMacroF1);
        writer.Write(KeptSoFar);
        writer.Write(secondsSoFar);
        writer.Write(Epochs.Count);
        foreach (var e in Epochs)
        {
            writer.Write(e.Epoch);
            writer.Write(e.Phase);
            writer.Write(e.SamplesSeen);
            writer.Write(e.SamplesKept);
            writer.Write(e.CumulativeEffectiveEpochs);
            writer.Write(e.ConfidencePassSamples);
            writer.Write(e.GradCamSamples);
            writer.Write(e.ConfidenceSeconds);
            writer.Write(e.GradCamSeconds);
            writer.Write(e.UpdateSeconds);
            writer.Write(e.ValidationSeconds);
            writer.Write(e.TrainLoss);
            writer.Write(e.ValidationMacroF1);
            writer.Write(e.ValidationAccuracy);
            writer.Write(e.LearningRate);
            writer.Write(e.ReusedConfidenceSamples);
            writer.Write(e.ReusedFocusSamples);
            writer.Write(e.UpdateSteps);
        }
        writer.Write(FocusHistograms.Count);
        foreach (var histogram in FocusHistograms) histogram.Write(writer);
    }

    /// <summary>Reads what <see cref="Write"/> wrote.</summary>
    /// <exception cref="InvalidDataException">A count is out of range.</exception>
    public static TrainingProgress Read(BinaryReader reader)
    {
        var progress = new TrainingProgress
        {
            BestMacroF1 = reader.ReadDouble(),
            KeptSoFar = reader.ReadInt64(),
            EarlierSessionsSeconds = reader.ReadDouble(),
        };
        int epochs = ReadCount(reader, MaxEpochs, "epochs");
        for (int i = 0; i < epochs; i++)
            progress.Epochs.Add(new EpochReport(
                reader.ReadInt32(), reader.ReadString(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadDouble(),
                reader.ReadInt32(), reader.ReadInt32(), reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble(),
                reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble())
            {
                ReusedConfidenceSamples = reader.ReadInt32(),
                ReusedFocusSamples = reader.ReadInt32(),
                UpdateSteps = reader.ReadInt32(),
            });
        int histograms = ReadCount(reader, 4 * epochs, "focus histograms");
        for (int i = 0; i < histograms; i++)
        {
            var histogram = FocusHistogram.Read(reader);
            // One histogram per kind of candidate and finished epoch, in the order the loop adds them.
            if (histogram.Epoch >= epochs || (i > 0 && OrderKey(histogram) <= OrderKey(progress.FocusHistograms[^1])))
                throw new InvalidDataException($"focus histogram {i} (epoch {histogram.Epoch}) is out of order or of an epoch not finished");
            progress.FocusHistograms.Add(histogram);
        }
        return progress;
    }

    private static long OrderKey(FocusHistogram histogram) => 4L * histogram.Epoch + histogram.Group;

    private static int ReadCount(BinaryReader reader, int max, string what)
    {
        int count = reader.ReadInt32();
        if (count < 0 || count > max) throw new InvalidDataException($"{count} {what} (expected 0 to {max})");
        return count;
    }
}
