using Erts.Experiments.Grid;
using Erts.MLNet.Data;

namespace Erts.MLNet.Tests.Experiments;

public class LabelNoiseTests
{
    private static readonly string[] Classes = ["N", "S", "V", "F"];

    private static List<EcgExample> Examples(int count) =>
        Enumerable.Range(0, count).Select(i => new EcgExample($"r{i}", null, [i], 1, 100, Classes[i % 4], ["II"])).ToList();

    [Fact]
    public void Flip_ChangesExactlyTheShare_ToAnotherClass_AndMarksThem()
    {
        var clean = Examples(40);
        var (noisy, flipped) = LabelNoise.Flip(clean, Classes, 0.2, seed: 3);

        Assert.Equal(8, flipped.Count(f => f));
        for (int i = 0; i < clean.Count; i++)
        {
            Assert.Equal(flipped[i], noisy[i].Label != clean[i].Label);
            Assert.Contains(noisy[i].Label, Classes);
            Assert.Same(clean[i].Signal, noisy[i].Signal);
        }
        Assert.Equal("N", clean[0].Label); // the input is not modified
    }

    [Fact]
    public void Flip_IsSeeded_AndNoNoiseKeepsTheList()
    {
        var clean = Examples(40);
        Assert.Equal(LabelNoise.Flip(clean, Classes, 0.1, 5).Flipped, LabelNoise.Flip(clean, Classes, 0.1, 5).Flipped);
        Assert.Same(clean, LabelNoise.Flip(clean, Classes, 0, 5).Examples);
        Assert.Throws<ArgumentOutOfRangeException>(() => LabelNoise.Flip(clean, Classes, 1, 5));
    }
}
