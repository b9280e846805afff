using System.CommandLine;
using Erts.Cli.Commands;
using Erts.MLNet.Explainability;
using Erts.MLNet.Selection;
using Erts.MLNet.Training;

namespace Erts.Cli.Tests.Commands;

public class TrainingOptionSetTests
{
    [Fact]
    public void ToTrainerOptions_KeepsTheTrainerDefaults_WhenNothingIsGiven()
    {
        var options = Parse();

        Assert.Equal(ErtsTrainer.Options.Defaults.ReliabilityRanking, options.ReliabilityRanking);
        Assert.Equal(ErtsTrainer.Options.Defaults.FocusResolution, options.FocusResolution);
        Assert.Equal(ErtsTrainer.Options.Defaults.KeepFraction, options.KeepFraction);
    }

    [Fact]
    public void ToTrainerOptions_PassesTheRankingAndFocusResolution_CaseInsensitively()
    {
        var options = Parse("--ranking", "focus", "--focus-resolution", "Input");

        Assert.Equal(ReliabilityRanking.Focus, options.ReliabilityRanking);
        Assert.Equal(FocusResolution.Input, options.FocusResolution);
    }

    private static ErtsTrainer.Options Parse(params string[] arguments)
    {
        var set = new TrainingOptionSet();
        var command = new RootCommand();
        set.AddTo(command);
        var result = command.Parse(arguments);
        Assert.Empty(result.Errors);
        return set.ToTrainerOptions(result);
    }
}
