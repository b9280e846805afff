using Erts.MLNet.Catalog;
using Erts.MLNet.Tests.Training;
using Erts.MLNet.Tests.Transforms;
using Erts.MLNet.Training;
using Erts.MLNet.Transforms;
using Microsoft.ML.Data;
using Microsoft.ML;

namespace Erts.MLNet.Tests.Catalog;

public class ErtsComponentsTests
{
    [Fact]
    public void RegisterErtsComponents_RestoresParameters_OfEveryTransform()
    {
        var mlContext = new MLContext(seed: 1);
        var data = EcgTestData.Synthetic(mlContext, rows: 2);
        var ecg = mlContext.Transforms.Ecg;
        var chain = ecg.HandleNonFinite(NonFinitePolicy.Replace, 0.25f)
            .Append(ecg.RemoveBaselineWander(0.7, order: 3))
            .Append(ecg.Notch(60, 25))
            .Append(ecg.SelectLeads(["V1", "II"]))
            .Append(ecg.Resample(128))
            .Append(ecg.CropOrPad(200, CropMode.Random, seed: 9))
            .Append(ecg.NormalizeLeads(epsilon: 1e-3f))
            .Fit(data);
        using var stream = new MemoryStream();
        mlContext.Model.Save(chain, data.Schema, stream);
        stream.Position = 0;

        var fresh = new MLContext();
        fresh.ComponentCatalog.RegisterErtsComponents();
        fresh.ComponentCatalog.RegisterErtsComponents();   // idempotent
        var loaded = ((TransformerChain<ITransformer>)fresh.Model.Load(stream, out _)).ToArray();

        Assert.Equal((NonFinitePolicy.Replace, 0.25f), (((NonFiniteTransformer)loaded[0]).Policy, ((NonFiniteTransformer)loaded[0]).Replacement));
        var highPass = (ButterworthFilterTransformer)loaded[1];
        Assert.Equal((0.7, (double?)null, 3), (highPass.LowCutoff, highPass.HighCutoff, highPass.Order));
        Assert.Equal((60.0, 25.0), (((NotchFilterTransformer)loaded[2]).Frequency, ((NotchFilterTransformer)loaded[2]).Quality));
        Assert.Equal(new[] { "V1", "II" }, ((SelectLeadsTransformer)loaded[3]).LeadNames);
        Assert.Equal(128f, ((ResampleTransformer)loaded[4]).TargetRate);
        var crop = (CropOrPadTransformer)loaded[5];
        Assert.Equal((200, CropMode.Random, 9), (crop.Length, crop.Mode, crop.Seed));
        Assert.Equal((LeadNormalizationScope.PerRecord, 1e-3f), (((LeadNormalizingTransformer)loaded[6]).Scope, ((LeadNormalizingTransformer)loaded[6]).Epsilon));
        Assert.Equal(EcgTestData.Signals(chain.Transform(data)), EcgTestData.Signals(new TransformerChain<ITransformer>(loaded).Transform(data)));
    }

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
