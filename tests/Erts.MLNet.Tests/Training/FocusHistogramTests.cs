using Erts.MLNet.Training;

namespace Erts.MLNet.Tests.Training;

public class FocusHistogramTests
{
    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(0.0099, 0)]
    [InlineData(0.01, 1)]
    [InlineData(0.5, 50)]
    [InlineData(0.999, 99)]
    [InlineData(1.0, 99)]
    [InlineData(-0.5, 0)]
    [InlineData(7.0, 99)]
    [InlineData(double.NegativeInfinity, 0)]
    [InlineData(double.PositiveInfinity, 99)]
    [InlineData(double.NaN, -1)]
    public void BinOf_GivesTheBinOfWidthOneHundredth_ClampedToTheEnds(double value, int bin)
    {
        Assert.Equal(bin, FocusHistogram.BinOf(value));
    }

    [Fact]
    public void Add_CountsConfidenceFocusAndReliability_AndLeavesNaNOut()
    {
        var histogram = new FocusHistogram(epoch: 3, kept: false, flagged: true);
        histogram.Add(confidence: 0.2f, focus: 0.555f, scoreAgeEpochs: 1);
        histogram.Add(confidence: float.NaN, focus: 1f, scoreAgeEpochs: 0); // a policy without a confidence pass

        Assert.Equal((3, false, true, 2, 1), (histogram.Epoch, histogram.Kept, histogram.Flagged, histogram.Count, histogram.MaxScoreAgeEpochs));
        Assert.Equal(1.555, histogram.FocusSum, 6);
        Assert.Equal(1, histogram.ConfidenceCounts[20]);
        Assert.Equal([1, 1], new[] { histogram.FocusCounts[55], histogram.FocusCounts[99] });
        Assert.Equal(1, histogram.ReliabilityCounts[44]); // (1 - 0.2) x 0.555
        Assert.Equal([1, 2, 1], new[] { histogram.ConfidenceCounts.Sum(), histogram.FocusCounts.Sum(), histogram.ReliabilityCounts.Sum() });
    }

    [Fact]
    public void WriteThenRead_GivesAnEqualHistogram_InAFixedNumberOfBytes()
    {
        var few = new FocusHistogram(1, kept: true, flagged: false);
        few.Add(0.3f, 0.4f, 0);
        var many = new FocusHistogram(1, kept: true, flagged: false);
        var random = new Random(3);
        for (int i = 0; i < 100_000; i++) many.Add((float)random.NextDouble(), (float)random.NextDouble(), random.Next(3));

        var (fewBytes, fewRead) = RoundTrip(few);
        var (manyBytes, manyRead) = RoundTrip(many);

        Assert.Equal(few, fewRead);
        Assert.Equal(many, manyRead);
        Assert.NotEqual(few, many);
        Assert.Equal(fewBytes, manyBytes);
        Assert.Equal(1222, manyBytes);
    }

    [Theory]
    [InlineData(6, -1)]            // the candidate count (after epoch, kept and flagged)
    [InlineData(22, 3)]            // confidence bin 0: 3 + 1 values of 2 candidates
    [InlineData(22 + 400, -5)]     // a negative focus count
    public void Read_Throws_WhenTheFiguresDoNotAddUp(int offset, int value)
    {
        var histogram = new FocusHistogram(0, kept: true, flagged: false);
        histogram.Add(0.001f, 0.001f, 0);
        histogram.Add(0.5f, 0.5f, 0);
        var bytes = Bytes(histogram);
        BitConverter.TryWriteBytes(bytes.AsSpan(offset), value);

        Assert.Throws<InvalidDataException>(() => FocusHistogram.Read(new BinaryReader(new MemoryStream(bytes))));
    }

    [Fact]
    public void Tally_KeepsOneHistogramPerKindMet_InReportOrder()
    {
        var tally = new FocusTally(epoch: 2, flaggedRows: [false, true, false]);
        tally.Add(1, kept: false, 0.1f, 0.1f, 0);
        tally.Add(0, kept: true, 0.1f, 0.9f, 0);
        tally.Add(2, kept: true, 0.2f, 0.8f, 0);

        Assert.Equal([(true, false, 2), (false, true, 1)], tally.Histograms.Select(h => (h.Kept, h.Flagged, h.Count)));
        Assert.All(tally.Histograms, h => Assert.Equal(2, h.Epoch));
    }

    private static byte[] Bytes(FocusHistogram histogram)
    {
        var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream)) histogram.Write(writer);
        return stream.ToArray();
    }

    private static (int Bytes, FocusHistogram Read) RoundTrip(FocusHistogram histogram)
    {
        var bytes = Bytes(histogram);
        return (bytes.Length, FocusHistogram.Read(new BinaryReader(new MemoryStream(bytes))));
    }
}
