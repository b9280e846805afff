using System.Text.Json;
using Erts.MLNet.Data.Datasets;
using Erts.MLNet.Data.DataViews;
using Erts.MLNet.Data.Synthetic;
using Erts.MLNet.Tests.Infrastructure;

namespace Erts.MLNet.Tests.Data.DataViews;

/// <summary>The JSON schemas in <c>data-schemas/</c> describe the rows the code emits.</summary>
public class DataSchemaFilesTests
{
    public static TheoryData<string> SchemaNames => new() { "synthetic", "mitdb-beats", "ptbxl", "cinc2017", "physionet2020" };

    [Theory]
    [MemberData(nameof(SchemaNames))]
    public void SchemaFile_ParsesAndNamesTheViewColumns(string name)
    {
        using var schema = Load(name);
        var root = schema.RootElement;
        var view = EcgDataView.Create(() => [], 1, 1, ["I"], 100f);
        // Loaders of whole records may add SignalLength (not required: a fixed-length view of the same set has none).
        bool variableLength = root.GetProperty("x-ecg-shape").TryGetProperty("variableLength", out var flag) && flag.GetBoolean();
        var wholeRecords = EcgDataView.Create(() => [], EcgSignalShape.UpTo(1, 1, ["I"], 100f));

        // Optional columns follow the required ones: MIT-BIH beats carry their rhythm unless the loader is told not to.
        string[] optional = name == "mitdb-beats" ? [EcgColumns.Rhythm] : [];

        Assert.Equal("object", root.GetProperty("type").GetString());
        Assert.Equal((variableLength ? wholeRecords : view).Schema.Select(c => c.Name).Concat(optional), root.GetProperty("properties").EnumerateObject().Select(p => p.Name));
        Assert.Equal(view.Schema.Select(c => c.Name), root.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        Assert.NotEmpty(root.GetProperty("properties").GetProperty(EcgColumns.Label).GetProperty("enum").EnumerateArray());
        Assert.True(File.Exists(Path.Combine(RepositoryPaths.Root, "data-schemas", name + ".md")), $"{name}.md is missing");
    }

    [Fact]
    public void SyntheticSchema_MatchesTheGeneratorDefaults()
    {
        using var schema = Load("synthetic");
        var root = schema.RootElement;
        var generator = new SyntheticEcgGenerator();
        var shape = root.GetProperty("x-ecg-shape");

        Assert.Equal(generator.Labels, root.GetProperty("properties").GetProperty(EcgColumns.Label).GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(generator.Shape.Leads, shape.GetProperty("leads").GetInt32());
        Assert.Equal(generator.Shape.Samples, shape.GetProperty("samples").GetInt32());
        Assert.Equal(generator.Shape.SamplingRate, shape.GetProperty("samplingRate").GetSingle());
        Assert.Equal(generator.Shape.LeadNames, shape.GetProperty("leadNames").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(generator.Shape.Values, root.GetProperty("properties").GetProperty(EcgColumns.Signal).GetProperty("maxItems").GetInt32());
        Assert.Equal(generator.CreateDataView().Schema.Select(c => c.Name), root.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void MitdbSchema_NamesTheRhythmSlots()
    {
        using var schema = Load("mitdb-beats");
        var rhythm = schema.RootElement.GetProperty("properties").GetProperty(EcgColumns.Rhythm);

        Assert.Equal(BeatRhythm.SlotNames, rhythm.GetProperty("x-slot-names").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(BeatRhythm.SlotNames.Count, rhythm.GetProperty("minItems").GetInt32());
        Assert.Equal(BeatRhythm.SlotNames.Count, rhythm.GetProperty("maxItems").GetInt32());
    }

    private static JsonDocument Load(string name) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "data-schemas", name + ".schema.json")));
}
