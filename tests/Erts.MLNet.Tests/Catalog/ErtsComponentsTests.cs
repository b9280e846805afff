using Erts.MLNet.Catalog;
using Erts.MLNet.Tests.Training;
using Erts.MLNet.Training;
using Microsoft.ML;

namespace Erts.MLNet.Tests.Catalog;

public class ErtsComponentsTests
{
    [Fact]
    public void RegisterErtsComponents_IsIdempotent_AndEnablesModelLoad()
    {
        var mlContext = new MLContext(seed: 1);
        using var transformer = ErtsTrainerTestRows.UntrainedTransformer();
        using var stream = new MemoryStream();
        mlContext.Model.Save(transformer, ErtsTrainerTestRows.View(mlContext, count: 1).Schema, stream);
        stream.Position = 0;

        var fresh = new MLContext();
        fresh.ComponentCatalog.RegisterErtsComponents();
        fresh.ComponentCatalog.RegisterErtsComponents();
        using var loaded = Assert.IsType<ErtsTransformer>(fresh.Model.Load(stream, out _));
        Assert.Equal(ErtsTrainerTestRows.ClassNames, loaded.ClassNames);
    }
}
