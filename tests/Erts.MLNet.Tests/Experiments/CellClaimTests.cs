using Erts.Experiments.Grid;
using Erts.MLNet.Networks;

namespace Erts.MLNet.Tests.Experiments;

public sealed class CellClaimTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("erts-claims-").FullName;
    private readonly GridCell _cell = new("mitbih", Backbone.ResNet1d, "erts-dbpd", 2, 0.1);

    private string ResultsPath => Path.Combine(_folder, "results.json");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void TryTake_ReturnsNull_WhileAnotherHolderHasTheCell_AndSucceedsAfterRelease()
    {
        var first = CellClaim.TryTake(ResultsPath, _cell);
        Assert.NotNull(first);
        Assert.Null(CellClaim.TryTake(ResultsPath, _cell));
        using (var other = CellClaim.TryTake(ResultsPath, _cell with { Seed = 3 }))
            Assert.NotNull(other); // a different cell is free

        first.Dispose();
        using var again = CellClaim.TryTake(ResultsPath, _cell);
        Assert.NotNull(again);
    }
}
