using Erts.MLNet.Selection;
using Erts.MLNet.Training;

namespace Erts.MLNet.Tests.Selection;

public class PhaseScheduleTests
{
    private static TrainingPhase[] Phases(PhaseSchedule schedule) =>
        Enumerable.Range(0, schedule.Epochs).Select(schedule.PhaseOf).ToArray();

    [Fact]
    public void PhaseOf_GivesWarmupSelectionRevision_InOrder()
    {
        var schedule = new PhaseSchedule(epochs: 6, warmupEpochs: 2, revisionStartEpoch: 4);
        Assert.Equal(
            [TrainingPhase.Warmup, TrainingPhase.Warmup, TrainingPhase.Selection, TrainingPhase.Selection, TrainingPhase.Revision, TrainingPhase.Revision],
            Phases(schedule));
    }

    [Fact]
    public void PhaseOf_RevisesLastEpochOnly_WithTheMarker()
    {
        var schedule = new PhaseSchedule(4, 1, ErtsTrainer.Options.RevisionLastEpochOnly);
        Assert.Equal(3, schedule.RevisionStartEpoch);
        Assert.Equal([TrainingPhase.Warmup, TrainingPhase.Selection, TrainingPhase.Selection, TrainingPhase.Revision], Phases(schedule));
    }

    [Fact]
    public void PhaseOf_NeverRevises_WhenRevisionStartIsBeyondTheEnd()
    {
        Assert.DoesNotContain(TrainingPhase.Revision, Phases(new PhaseSchedule(5, 1, 5)));
    }

    [Fact]
    public void PhaseOf_PrefersWarmup_WhenRevisionStartsBeforeWarmupEnds()
    {
        Assert.Equal([TrainingPhase.Warmup, TrainingPhase.Warmup, TrainingPhase.Revision], Phases(new PhaseSchedule(3, 2, 1)));
    }

    [Fact]
    public void FromOptions_UsesTheReferenceDefaults()
    {
        var schedule = PhaseSchedule.FromOptions(new ErtsTrainer.Options());
        Assert.Equal((100, 5, 50), (schedule.Epochs, schedule.WarmupEpochs, schedule.RevisionStartEpoch));
        Assert.Equal(TrainingPhase.Selection, schedule.PhaseOf(49));
        Assert.Equal(TrainingPhase.Revision, schedule.PhaseOf(50));
    }

    [Theory]
    [InlineData(0, 0, 0, "epochs")]
    [InlineData(5, -1, 3, "warmupEpochs")]
    [InlineData(5, 1, -2, "revisionStartEpoch")]
    public void Constructor_Throws_WhenOutOfRange(int epochs, int warmup, int revision, string parameter)
    {
        Assert.Equal(parameter, Assert.Throws<ArgumentOutOfRangeException>(() => new PhaseSchedule(epochs, warmup, revision)).ParamName);
    }
}
