using Erts.MLNet.Selection;
using Erts.MLNet.Training;

namespace Erts.MLNet.Tests.Selection;

public class SelectionPoliciesTests
{
    [Fact]
    public void Names_ListsBaselinesAndTheirErtsVariants()
    {
        Assert.Equal(["dbpd", "erts-dbpd", "erts-smrd", "erts-srd", "full", "smrd", "srd"], SelectionPolicies.Names);
    }

    [Fact]
    public void Create_BuildsEveryNamedPolicy_CaseInsensitively()
    {
        var options = new ErtsTrainer.Options();
        foreach (var name in SelectionPolicies.Names)
        {
            Assert.Equal(name, SelectionPolicies.Create(name, options).Name);
            Assert.Equal(name, SelectionPolicies.Create(name.ToUpperInvariant(), options).Name);
        }
    }

    [Fact]
    public void Create_Throws_NamingTheOptionAndKnownPolicies_WhenNameIsUnknown()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => SelectionPolicies.Create("xai", new ErtsTrainer.Options()));
        Assert.Equal(nameof(ErtsTrainer.Options.SelectionPolicy), error.ParamName);
        Assert.Contains("erts-dbpd", error.Message);
        Assert.Contains("xai", error.Message);
    }

    [Fact]
    public void Create_ErtsDbpd_UsesOptionsAndNoDbpdRescue()
    {
        var options = new ErtsTrainer.Options { ConfidenceThreshold = 0.5f, KeepFraction = 0.5f, WarmupEpochs = 2, CamDelayEpochs = 1 };
        var policy = SelectionPolicies.Create("erts-dbpd", options);
        float[] confidence = [0.1f, 0.4f, 0.45f, 0.9f];
        int[] labels = [0, 0, 0, 1];

        // Epoch 2 < W + C0 = 3: the candidates {conf < 0.5}, with no rescue of class 1 as plain DBPD would do.
        Assert.Equal(new[] { 0, 1, 2 }, policy.Select(TestBatches.Make(confidence, labels, epoch: 2)));
        // Epoch 3: the filter runs; k = floor(0.5 x 3) = 1 by reliability (0.9 x 0.1, 0.6 x 1, 0.55 x 1).
        var focus = new TableFocus(0.1f, 1f, 1f, 1f);
        Assert.Equal(new[] { 1 }, policy.Select(TestBatches.Make(confidence, labels, epoch: 3, focus: focus)));
    }
}
