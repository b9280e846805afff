using System.IO.Compression;
using Erts.MLNet.Catalog;
using Erts.MLNet.Explainability;
using Erts.MLNet.Persistence;
using Erts.MLNet.Tests.Training;
using Erts.MLNet.Training;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Erts.MLNet.Tests.Persistence;

/// <summary>Saving and loading models that contain an <see cref="ErtsTransformer"/> (the bridge and the friendly file helpers).</summary>
public sealed class ErtsModelFileTests : IDisposable
{
    private readonly MLContext _mlContext = new(seed: 1);
    private readonly string _directory = Directory.CreateTempSubdirectory("erts-model-file-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void ModelLoad_GivesIdenticalScores_InAFreshContextAfterRegistration()
    {
        var input = ErtsTrainerTestRows.View(_mlContext, count: 10);
        using var transformer = ErtsTrainerTestRows.UntrainedTransformer(explanationColumn: "Explanation");
        var expected = ErtsTrainerTestRows.Scores(transformer.Transform(input));
        string path = Path.Combine(_directory, "model.zip");
        _mlContext.Model.Save(transformer, input.Schema, path);

        var fresh = new MLContext();
        fresh.ComponentCatalog.RegisterErtsComponents();
        var loaded = fresh.Model.Load(path, out var schema);
        using (loaded as IDisposable)
        {
            var restored = Assert.IsType<ErtsTransformer>(loaded);
            Assert.Equal(expected, ErtsTrainerTestRows.Scores(loaded.Transform(input)));
            Assert.Equal(ErtsTrainerTestRows.ClassNames, restored.ClassNames);
            Assert.Equal((2, 128), (restored.Leads, restored.Samples));
            Assert.Equal("Explanation", restored.ExplanationColumnName);
            Assert.Null(restored.Report);
            Assert.Equal(input.Schema["Signal"].Type, schema["Signal"].Type);
        }
    }

    [Theory]
    [InlineData(FocusResolution.ExplainedLayer)]
    [InlineData(FocusResolution.Input)]
    public void ModelLoad_KeepsTheFocusResolution_SoExplainMeasuresFocusAsTrainingDid(FocusResolution resolution)
    {
        var input = ErtsTrainerTestRows.View(_mlContext, count: 2, leads: 1, samples: 64);
        using var transformer = ErtsTrainerTestRows.UntrainedTransformer(leads: 1, samples: 64, focusResolution: resolution);
        string path = Path.Combine(_directory, "model.zip");
        _mlContext.Model.SaveErtsModel(transformer, input.Schema, path);
        float[] signal = input.GetColumn<VBuffer<float>>("Signal").First().DenseValues().ToArray();

        using var loaded = (ErtsTransformer)new MLContext().Model.LoadErtsModel(path, out _);
        var explanation = loaded.Explain(signal);

        Assert.Equal(resolution, loaded.FocusResolution);
        var beforeSaving = transformer.Explain(signal);
        Assert.Equal(beforeSaving.Profile, explanation.Profile);
        Assert.Equal(beforeSaving.Focus, explanation.Focus, 6);
        // The profile is returned stretched to the input; its own focus is the input-resolution one, which the
        // explained layer's (SmallCnn1d: 16 positions for 64 samples) differs from.
        float atInput = FocusScore.Compute(explanation.Profile.ToArray());
        if (resolution == FocusResolution.Input) Assert.Equal(atInput, explanation.Focus, 5);
        else Assert.NotEqual(atInput, explanation.Focus, 3);
    }

    [Fact]
    public void ModelLoad_Throws_WithoutRegistration()
    {
        string path = SaveUntrained("model.zip");
        // A context that never registered the ERTS loaders (registration is per ComponentCatalog).
        Assert.ThrowsAny<Exception>(() => new MLContext().Model.Load(path, out _));
    }

    [Fact]
    public void SaveErtsModel_ReplacesTheFileAtomically_AndLeavesNoTemporaryFile()
    {
        string path = Path.Combine(_directory, "model.zip");
        File.WriteAllText(path, "an older file");
        using var transformer = ErtsTrainerTestRows.UntrainedTransformer();
        _mlContext.Model.SaveErtsModel(transformer, ErtsTrainerTestRows.View(_mlContext, count: 1).Schema, path);

        Assert.Equal([path], Directory.GetFiles(_directory));
        using var loaded = (ErtsTransformer)new MLContext().Model.LoadErtsModel(path, out _);
        Assert.Equal(ErtsTrainerTestRows.ClassNames, loaded.ClassNames);
    }

    [Fact]
    public void LoadErtsModel_Throws_WhenTheFileIsTruncated()
    {
        string path = SaveUntrained("model.zip");
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        var error = Assert.Throws<ErtsModelFormatException>(() => new MLContext().Model.LoadErtsModel(path, out _));
        Assert.Equal(path, error.FilePath);
        Assert.Contains("truncated or corrupt", error.Message);
    }

    [Fact]
    public void LoadErtsModel_Throws_WhenTheWeightsAreCorrupt()
    {
        string path = SaveUntrained("model.zip");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Update))
        {
            var weights = zip.Entries.Single(e => e.FullName.EndsWith("TSModel", StringComparison.Ordinal));
            string name = weights.FullName;
            weights.Delete();
            using var writer = new StreamWriter(zip.CreateEntry(name).Open());
            writer.Write("not a state dict");
        }

        var error = Assert.Throws<ErtsModelFormatException>(() => new MLContext().Model.LoadErtsModel(path, out _));
        Assert.True(error.Message.Contains("TSModel"), error.ToString());
    }

    [Fact]
    public void LoadErtsModel_Throws_WhenTheModelHasNoErtsClassifier()
    {
        var input = ErtsTrainerTestRows.View(_mlContext, count: 4);
        var foreign = _mlContext.Transforms.Conversion.MapValueToKey("Label").Fit(input);
        string path = Path.Combine(_directory, "foreign.zip");
        _mlContext.Model.Save(foreign, input.Schema, path);

        var error = Assert.Throws<ErtsModelFormatException>(() => new MLContext().Model.LoadErtsModel(path, out _));
        Assert.Contains("contains no ERTS classifier", error.Message);
        Assert.Contains("ValueToKeyMappingTransformer", error.Message);
    }

    [Fact]
    public void LoadErtsModel_Throws_WhenTheFileIsNotAModel()
    {
        string path = Path.Combine(_directory, "random.bin");
        File.WriteAllBytes(path, Enumerable.Range(0, 1000).Select(i => (byte)(i * 37)).ToArray());

        var error = Assert.Throws<ErtsModelFormatException>(() => new MLContext().Model.LoadErtsModel(path, out _));
        Assert.Contains("not an ML.NET model file", error.Message);
        Assert.Contains(path, error.Message);
    }

    private string SaveUntrained(string name)
    {
        string path = Path.Combine(_directory, name);
        using var transformer = ErtsTrainerTestRows.UntrainedTransformer();
        _mlContext.Model.Save(transformer, ErtsTrainerTestRows.View(_mlContext, count: 1).Schema, path);
        return path;
    }
}
