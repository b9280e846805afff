using Erts.MLNet.Persistence;
using Erts.MLNet.Tests.Training;
using Erts.MLNet.Training;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Erts.MLNet.Tests.Persistence;

public sealed class EcgModelPackageTests : IDisposable
{
    private readonly MLContext _mlContext = new(seed: 1);
    private readonly string _directory = Directory.CreateTempSubdirectory("erts-package-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Load_GivesIdenticalOutputs_WithoutComponentRegistration()
    {
        var input = ErtsTrainerTestRows.View(_mlContext, count: 8);
        var toKey = _mlContext.Transforms.Conversion.MapValueToKey("Label").Fit(input);
        var classifier = ErtsTrainerTestRows.UntrainedTransformer();
        var toClass = _mlContext.Transforms.Conversion.MapKeyToValue("PredictedClass", "PredictedLabel")
            .Fit(classifier.Transform(toKey.Transform(input)));
        using var model = new TransformerChain<ITransformer>(toKey, classifier, toClass);
        var scored = model.Transform(input);
        string path = Path.Combine(_directory, "model.ertspkg");

        EcgModelPackage.Save(_mlContext, model, input.Schema, path);
        var loaded = EcgModelPackage.Load(new MLContext(), path, out var schema);

        using (loaded as IDisposable)
        {
            var restored = loaded.Transform(input);
            Assert.Equal(ErtsTrainerTestRows.Scores(scored), ErtsTrainerTestRows.Scores(restored));
            Assert.Equal(Classes(scored), Classes(restored));
            Assert.Equal(input.Schema["Signal"].Type, schema["Signal"].Type);
        }
        Assert.Equal([path], Directory.GetFiles(_directory));
    }

    [Fact]
    public void Load_Throws_WhenTheFileIsNotAPackage()
    {
        string path = Path.Combine(_directory, "random.bin");
        File.WriteAllBytes(path, Enumerable.Range(0, 500).Select(i => (byte)(i * 31)).ToArray());

        var error = Assert.Throws<ErtsModelFormatException>(() => EcgModelPackage.Load(_mlContext, path, out _));
        Assert.Contains("not an ERTS model package", error.Message);
    }

    [Fact]
    public void Save_Throws_WhenTheModelHasNoErtsTransformer()
    {
        var input = ErtsTrainerTestRows.View(_mlContext, count: 3);
        var model = _mlContext.Transforms.Conversion.MapValueToKey("Label").Fit(input);

        var error = Assert.Throws<ArgumentException>(() => EcgModelPackage.Save(_mlContext, model, input.Schema, Path.Combine(_directory, "x")));
        Assert.Contains("no ErtsTransformer", error.Message);
    }

    private static List<string> Classes(IDataView scored) =>
        scored.GetColumn<ReadOnlyMemory<char>>("PredictedClass").Select(v => v.ToString()).ToList();
}
