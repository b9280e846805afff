using Erts.MLNet.Data.Datasets;

namespace Erts.MLNet.Tests.Data.Datasets;

public class BeatRhythmTests
{
    // 16 beats at 125 Hz, 100 samples (0.8 s) apart except a premature beat 4 (0.4 s after beat 3, then a 1.2 s pause).
    // RR₁..RR₁₅ = 0.8, 0.8, 0.8, 0.4, 1.2, 0.8 x 10: the record mean is 12 s / 15 = 0.8 s.
    private static readonly long[] Premature = [0, 100, 200, 300, 350, 500, 600, 700, 800, 900, 1000, 1100, 1200, 1300, 1400, 1500];
    private const double Rate = 125;

    [Fact]
    public void Compute_GivesEverySlot_AroundAPrematureBeat()
    {
        float[][] rhythm = BeatRhythm.Compute(Premature, Rate);

        // Beat 4: previous 0.4 s, next 1.2 s, local = mean(0.8, 0.8, 0.8, 0.4) = 0.7 s (only 4 intervals so far).
        AssertSlots([0.4f / 0.8f, 1.2f / 0.8f, 0.7f / 0.8f, 0.8f, 0.4f / 0.7f, 1.2f / 0.7f, 0.4f / 1.2f], rhythm[4]);
        // Beat 5 ends the compensatory pause: previous 1.2 s, next 0.8 s, local = 4.0 s / 5 = 0.8 s.
        AssertSlots([1.5f, 1f, 1f, 0.8f, 1.5f, 1f, 1.5f], rhythm[5]);
    }

    [Fact]
    public void Compute_AveragesTheLastTenIntervals_IntoTheLocalMean()
    {
        float[][] rhythm = BeatRhythm.Compute(Premature, Rate);
        int local = Slot("LocalRR/RecordRR");

        Assert.Equal(10, BeatRhythm.LocalIntervals);
        Assert.Equal(1f, rhythm[2][local], 5);          // RR₁, RR₂
        Assert.Equal(1f, rhythm[13][local], 5);         // RR₄..RR₁₃: 0.4 + 1.2 + 8 x 0.8 = 8.0 s
        Assert.Equal(1.05f, rhythm[14][local], 5);      // RR₅..RR₁₄: the 0.4 s has left, 1.2 + 9 x 0.8 = 8.4 s
        Assert.Equal(1f, rhythm[15][local], 5);         // RR₆..RR₁₅: both have left
    }

    [Fact]
    public void Compute_TakesTheNearestInterval_AtTheFirstAndLastBeat_OfAShortRecord()
    {
        // 4 beats at 100 Hz: RR₁ = 0.5, RR₂ = 1.0, RR₃ = 2.0 s; record mean 3.5 s / 3.
        const float record = 3.5f / 3;
        float[][] rhythm = BeatRhythm.Compute([0, 50, 150, 350], 100);

        // First beat: no previous interval, so previous = next = local = RR₁.
        AssertSlots([0.5f / record, 0.5f / record, 0.5f / record, record, 1f, 1f, 1f], rhythm[0]);
        // Beat 2: local over the two intervals there are (fewer than ten).
        AssertSlots([1f / record, 2f / record, 0.75f / record, record, 1f / 0.75f, 2f / 0.75f, 0.5f], rhythm[2]);
        // Last beat: no next interval, so next = previous = RR₃; local = all three intervals.
        AssertSlots([2f / record, 2f / record, 1f, record, 2f / record, 2f / record, 1f], rhythm[3]);
    }

    [Fact]
    public void Compute_GivesTheOneIntervalToBothBeats_OfATwoBeatRecord()
    {
        float[][] rhythm = BeatRhythm.Compute([10, 370], 360);

        Assert.All(rhythm, beat => AssertSlots([1f, 1f, 1f, 1f, 1f, 1f, 1f], beat));
    }

    [Fact]
    public void Compute_GivesNaN_WhenTheRecordHasOneBeat_AndNothing_WhenItHasNone()
    {
        Assert.All(Assert.Single(BeatRhythm.Compute([42], 360)), value => Assert.True(float.IsNaN(value)));
        Assert.Empty(BeatRhythm.Compute([], 360));
    }

    [Fact]
    public void Compute_Throws_WhenBeatsDoNotIncrease_OrTheRateIsNotPositive()
    {
        var error = Assert.Throws<ArgumentException>(() => BeatRhythm.Compute([0, 100, 100], 360));
        Assert.Contains("beat 2 is at 100", error.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => BeatRhythm.Compute([0, 100], 0));
    }

    [Fact]
    public void SlotNames_NameEveryValue_Uniquely()
    {
        float[][] rhythm = BeatRhythm.Compute(Premature, Rate);

        Assert.All(rhythm, beat => Assert.Equal(BeatRhythm.SlotNames.Count, beat.Length));
        Assert.Equal(BeatRhythm.SlotNames.Count, BeatRhythm.SlotNames.Distinct().Count());
        Assert.Equal(0.8f, rhythm[7][Slot("RecordRRSeconds")], 5);
    }

    private static int Slot(string name) => BeatRhythm.SlotNames.ToList().IndexOf(name);

    private static void AssertSlots(float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) < 1e-5f, $"slot {BeatRhythm.SlotNames[i]}: expected {expected[i]}, got {actual[i]}");
    }
}
