using Erts.MLNet.Data.DataViews;
using Erts.MLNet.Tests.Transforms;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Erts.MLNet.Tests.Data.DataViews;

public class SignalColumnTests
{
    private readonly MLContext _mlContext = new(seed: 1);

    private static InvalidOperationException Reject(string rule) => new(rule);

    [Fact]
    public void Read_GivesDimensionsAndAnnotations_OfDatasetViewColumn()
    {
        var shape = new EcgSignalShape(2, 4, ["MLII", "V1"], 360f);
        var schema = EcgSchema.Create(shape);

        var signal = SignalColumn.Read(schema[EcgColumns.Signal], Reject);

        Assert.Equal((EcgColumns.Signal, 2, 4, 8, 360f), (signal.Name, signal.Leads, signal.Samples, signal.Values, signal.SamplingRate));
        Assert.Equal(["MLII", "V1"], signal.LeadNames);
        Assert.Equal(EcgSchema.SignalType(shape), signal.Type);
    }

    [Fact]
    public void Read_GivesNullAnnotations_WhenColumnHasNone()
    {
        var data = EcgTestData.View(_mlContext, [], leads: 2, length: 5, samplingRate: null, leadNames: null);

        var signal = SignalColumn.Read(data.Schema["Signal"], Reject);

        Assert.Equal((2, 5), (signal.Leads, signal.Samples));
        Assert.Null(signal.LeadNames);
        Assert.Null(signal.SamplingRate);
    }

    [Fact]
    public void Read_Throws_WhenLeadNamesDoNotMatchLeadCount()
    {
        var definition = EcgTestData.Definition(leads: 2, length: 5, samplingRate: 360, leadNames: null);
        definition["Signal"].AddAnnotation(EcgColumns.LeadNamesAnnotation, new VBuffer<ReadOnlyMemory<char>>(3, ["I".AsMemory(), "II".AsMemory(), "V1".AsMemory()]),
            new VectorDataViewType(TextDataViewType.Instance, 3));
        var data = _mlContext.Data.LoadFromEnumerable(Array.Empty<EcgTestData.Row>(), definition);

        var error = Assert.Throws<InvalidOperationException>(() => SignalColumn.Read(data.Schema["Signal"], Reject));

        Assert.Contains("must be a vector of 2 Text values (one per lead)", error.Message);
    }

    [Fact]
    public void Annotations_ReadBackUnchanged_WithOnlySamplingRateKnown()
    {
        var written = new SignalColumn("Ecg", 3, 10, LeadNames: null, SamplingRate: 250f);
        var builder = new DataViewSchema.Builder();
        builder.AddColumn(written.Name, written.Type, written.Annotations());

        var read = SignalColumn.Read(builder.ToSchema()["Ecg"], Reject);

        Assert.Equal(written, read);
    }
}
