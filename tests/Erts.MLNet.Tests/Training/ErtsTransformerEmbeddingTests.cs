using Erts.MLNet.Catalog;
using Erts.MLNet.Explainability;
using Erts.MLNet.Networks;
using Erts.MLNet.Persistence;
using Erts.MLNet.Tests.Infrastructure;
using Erts.MLNet.Training;
using Microsoft.ML;
using Microsoft.ML.Data;
using TorchSharp;

namespace Erts.MLNet.Tests.Training;

/// <summary>The optional embedding output column of <see cref="ErtsTransformer"/> (<c>Options.EmbeddingColumnName</c>).</summary>
public sealed class ErtsTransformerEmbeddingTests : IDisposable
{
    private const string Embedding = "Embedding";
    // SmallCnn1d's last stage has 4 x its width of 16 channels.
    private const int SmallCnnEmbeddingSize = 64;

    private readonly MLContext _mlContext = new(seed: 1);
    private readonly string _directory = Directory.CreateTempSubdirectory("erts-embedding-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void GetOutputSchema_AddsAKnownSizeEmbedding_WithSlotNames()
    {
        using var transformer = ErtsTrainerTestRows.UntrainedTransformer(embeddingColumn: Embedding);
        var schema = transformer.GetOutputSchema(ErtsTrainerTestRows.View(_mlContext, count: 1).Schema);

        var embedding = schema[Embedding];
        Assert.Equal(new VectorDataViewType(NumberDataViewType.Single, SmallCnnEmbeddingSize), embedding.Type);
        Assert.Equal(SmallCnnEmbeddingSize, transformer.EmbeddingSize);
        var slotNames = default(VBuffer<ReadOnlyMemory<char>>);
        embedding.GetSlotNames(ref slotNames);
        Assert.Equal(Enumerable.Range(0, SmallCnnEmbeddingSize).Select(i => $"emb{i}"), slotNames.DenseValues().Select(n => n.ToString()));
        Assert.Equal(["Score", "PredictedLabel", Embedding], schema.Skip(2).Select(c => c.Name));
    }

    [Fact]
    public void GetOutputSchema_HasNoEmbedding_ByDefault()
    {
        using var transformer = ErtsTrainerTestRows.UntrainedTransformer();
        var schema = transformer.GetOutputSchema(ErtsTrainerTestRows.View(_mlContext, count: 1).Schema);

        Assert.Equal((null, 0), (transformer.EmbeddingColumnName, transformer.EmbeddingSize));
        Assert.Equal(["Label", "Signal", "Score", "PredictedLabel"], schema.Select(c => c.Name));
    }

    [Fact]
    public void Transform_GivesTheNetworksEmbedding_ForEveryRow()
    {
        using var transformer = ErtsTrainerTestRows.UntrainedTransformer(out var network, embeddingColumn: Embedding, explanationColumn: "Explanation");
        // 70 rows: more than one inference batch of 64.
        var rows = ErtsTrainerTestRows.Rows(count: 70);
        var scored = transformer.Transform(ErtsTrainerTestRows.View(_mlContext, count: 70));

        var embeddings = ErtsTrainerTestRows.Scores(scored, Embedding);
        var expected = NetworkEmbeddings(network, rows);
        Assert.Equal(70, embeddings.Count);
        for (int i = 0; i < rows.Count; i++)
            Assert.Equal(expected[i], embeddings[i], new ToleranceComparer(1e-5f));
        // The embedding rides on the scoring forward pass: Score is what a model without the column gives.
        using var plain = ErtsTrainerTestRows.UntrainedTransformer();
        Assert.Equal(ErtsTrainerTestRows.Scores(plain.Transform(ErtsTrainerTestRows.View(_mlContext, count: 70))), ErtsTrainerTestRows.Scores(scored));
    }

    [Fact]
    public void CreatePredictionEngine_GivesTheSameEmbedding_AsTransform()
    {
        using var transformer = ErtsTrainerTestRows.UntrainedTransformer(embeddingColumn: Embedding);
        var rows = ErtsTrainerTestRows.Rows(count: 4);
        var expected = ErtsTrainerTestRows.Scores(transformer.Transform(ErtsTrainerTestRows.View(_mlContext, count: 4)), Embedding);
        var definition = SchemaDefinition.Create(typeof(TinyEcgRow));
        definition["Signal"].ColumnType = new VectorDataViewType(NumberDataViewType.Single, 2, 128);

        var options = new PredictionEngineOptions { InputSchemaDefinition = definition, OwnsTransformer = false };
        using var engine = _mlContext.Model.CreatePredictionEngine<TinyEcgRow, EmbeddingOutput>(transformer, options);
        for (int i = 0; i < rows.Count; i++)
            Assert.Equal(expected[i], engine.Predict(rows[i]).Embedding, new ToleranceComparer(1e-5f));   // a batch of 1 vs 4: rounding differs
    }

    [Fact]
    public void ModelLoad_KeepsTheEmbeddingColumn_AndItsValues()
    {
        var input = ErtsTrainerTestRows.View(_mlContext, count: 5);
        using var transformer = ErtsTrainerTestRows.UntrainedTransformer(embeddingColumn: Embedding);
        var expected = ErtsTrainerTestRows.Scores(transformer.Transform(input), Embedding);
        string path = Path.Combine(_directory, "model.zip");
        _mlContext.Model.Save(transformer, input.Schema, path);

        using var loaded = (ErtsTransformer)new MLContext().Model.LoadErtsModel(path, out _);

        Assert.Equal((Embedding, SmallCnnEmbeddingSize), (loaded.EmbeddingColumnName, loaded.EmbeddingSize));
        Assert.Equal(expected, ErtsTrainerTestRows.Scores(loaded.Transform(input), Embedding));
    }

    [Fact]
    public void EcgModelPackage_KeepsTheEmbeddingColumn()
    {
        var input = ErtsTrainerTestRows.View(_mlContext, count: 3);
        using var transformer = ErtsTrainerTestRows.UntrainedTransformer(embeddingColumn: Embedding);
        var expected = ErtsTrainerTestRows.Scores(transformer.Transform(input), Embedding);
        string path = Path.Combine(_directory, "model.ecgpkg");
        EcgModelPackage.Save(_mlContext, transformer, input.Schema, path);

        var loaded = EcgModelPackage.Load(new MLContext(), path, out _);
        using (loaded as IDisposable)
            Assert.Equal(expected, ErtsTrainerTestRows.Scores(loaded.Transform(input), Embedding));
    }

    [Fact]
    public void ModelLoad_ReadsAFileSavedBeforeEmbeddings_AndScoresAsThen()
    {
        // Format 0x00010001, written before the embedding column existed (see Fixtures/models/README.md).
        string folder = Path.Combine(RepositoryPaths.Root, "tests", "Erts.MLNet.Tests", "Fixtures", "models");
        var expected = System.Text.Json.JsonSerializer.Deserialize<float[][]>(File.ReadAllText(Path.Combine(folder, "erts-format-00010001.scores.json")))!;

        using var loaded = (ErtsTransformer)new MLContext().Model.LoadErtsModel(Path.Combine(folder, "erts-format-00010001.zip"), out _);

        Assert.Equal((null, 0), (loaded.EmbeddingColumnName, loaded.EmbeddingSize));
        Assert.Equal(FocusResolution.ExplainedLayer, loaded.FocusResolution);   // the only behaviour before it was stored
        Assert.Equal(ErtsTrainerTestRows.ClassNames, loaded.ClassNames);
        var scores = ErtsTrainerTestRows.Scores(loaded.Transform(ErtsTrainerTestRows.View(_mlContext, count: 3, leads: 1, samples: 64)));
        for (int i = 0; i < expected.Length; i++)
            Assert.Equal(expected[i], scores[i], new ToleranceComparer(1e-6f));
    }

    private static float[][] NetworkEmbeddings(EcgNetwork network, IReadOnlyList<TinyEcgRow> rows)
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        network.eval();
        var input = torch.tensor(rows.SelectMany(r => r.Signal).ToArray(), [rows.Count, 2, 128]);
        var embedding = network.Embedding(input);
        var values = embedding.data<float>().ToArray();
        int size = (int)embedding.shape[1];
        return Enumerable.Range(0, rows.Count).Select(i => values[(i * size)..((i + 1) * size)]).ToArray();
    }

    /// <summary>PredictionEngine output with the embedding column.</summary>
    public sealed class EmbeddingOutput
    {
        public float[] Embedding { get; set; } = [];
    }
}
