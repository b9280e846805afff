using Erts.Cli.Commands;

namespace Erts.Cli.Tests.Commands;

public class TrainingScheduleTests
{
    [Theory]
    [InlineData(100, 5, 3, 50)]
    [InlineData(20, 1, 1, 10)]
    [InlineData(4, 1, 1, 3)]
    public void Scaled_KeepsTheReferenceRatios(int epochs, int warmup, int camDelay, int revision)
    {
        var schedule = TrainingSchedule.Scaled(epochs);

        Assert.Equal(new TrainingSchedule(epochs, warmup, camDelay, revision), schedule);
    }

    [Fact]
    public void Describe_CountsEpochsFromOne()
    {
        Assert.Equal("20 epochs: warm-up 1, focus filter from epoch 3, revision (all data) from epoch 11", TrainingSchedule.Scaled(20).Describe());
    }
}
