using Erts.MLNet.Catalog;
using Erts.MLNet.Data;
using Erts.MLNet.Data.DataViews;
using Erts.MLNet.Transforms;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Erts.MLNet.Tests.Transforms;

/// <summary>What every ECG transform does with whole records of different lengths (the <c>SignalLength</c> column).</summary>
public class SignalTransformerBaseTests
{
    private static readonly int[] RecordLengths = [720, 500, 613, 400];

    private readonly MLContext _mlContext = new(seed: 1);

    /// <summary>A single row with the per-row length column, for a PredictionEngine.</summary>
    private sealed class WholeRecordRow
    {
        public float[] Signal { get; set; } = [];
        public int SignalLength { get; set; }
    }

    private sealed class FloatLengthRow
    {
        public float[] Signal { get; set; } = [];
        public float SignalLength { get; set; }
    }

    public static TheoryData<string> Transforms => new()
    {
        "HandleNonFinite", "SelectLeads", "BandPass", "RemoveBaselineWander", "Notch", "Resample", "CropOrPadShorter", "CropOrPadLonger", "NormalizeLeads",
    };

    private IEstimator<ITransformer> Transform(string name) => name switch
    {
        "HandleNonFinite" => _mlContext.Transforms.Ecg.HandleNonFinite(),
        "SelectLeads" => _mlContext.Transforms.Ecg.SelectLeads(["V1", "I"]),
        "BandPass" => _mlContext.Transforms.Ecg.BandPass(0.5, 40),
        "RemoveBaselineWander" => _mlContext.Transforms.Ecg.RemoveBaselineWander(),
        "Notch" => _mlContext.Transforms.Ecg.Notch(50),
        "Resample" => _mlContext.Transforms.Ecg.Resample(250),
        "CropOrPadShorter" => _mlContext.Transforms.Ecg.CropOrPad(450, CropMode.Start),
        "CropOrPadLonger" => _mlContext.Transforms.Ecg.CropOrPad(1000, CropMode.Start),
        "NormalizeLeads" => _mlContext.Transforms.Ecg.NormalizeLeads(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown transform"),
    };

    [Theory]
    [MemberData(nameof(Transforms))]
    public void Transform_GivesEachPaddedRecordWhatItGivesAlone_AndZerosAfter(string name)
    {
        var records = EcgTestData.Records(_mlContext, RecordLengths);
        var view = EcgDataView.FromList(records);
        var estimator = Transform(name);

        var output = estimator.Fit(view).Transform(view);

        var (leads, samples, _, _) = EcgTestData.Shape(output.Schema);
        var signals = EcgTestData.Signals(output);
        var lengths = EcgTestData.Lengths(output);
        for (int row = 0; row < records.Count; row++)
        {
            var alone = EcgDataView.FromList([records[row]]);
            var expected = EcgTestData.Signals(estimator.Fit(alone).Transform(alone))[0];
            int expectedSamples = expected.Length / leads;
            // The record's output fills the first SignalLength samples of each lead; its own run may add padding after (CropOrPad).
            Assert.InRange(lengths[row], 1, Math.Min(samples, expectedSamples));
            for (int lead = 0; lead < leads; lead++)
            {
                var padded = signals[row].AsSpan(lead * samples, samples);
                var own = expected.AsSpan(lead * expectedSamples, expectedSamples);
                AssertClose(own[..lengths[row]], padded[..lengths[row]], $"{name}, row {row}, lead {lead}");
                Assert.All(padded[lengths[row]..].ToArray(), v => Assert.Equal(0f, v));
                Assert.All(own[lengths[row]..].ToArray(), v => Assert.Equal(0f, v));
            }
        }
    }

    [Fact]
    public void Transform_KeepsSignalLength_WhenLengthsDoNotChange()
    {
        var view = EcgDataView.FromList(EcgTestData.Records(_mlContext, RecordLengths));

        var output = _mlContext.Transforms.Ecg.BandPass().Append(_mlContext.Transforms.Ecg.NormalizeLeads()).Fit(view).Transform(view);

        Assert.Equal(RecordLengths, EcgTestData.Lengths(output));
        Assert.Single(output.Schema, c => c.Name == EcgColumns.SignalLength);   // passed through, not replaced
    }

    [Fact]
    public void Transform_AllowsBesideOutput_WhenLengthsDoNotChange()
    {
        var view = EcgDataView.FromList(EcgTestData.Records(_mlContext, RecordLengths));

        var output = _mlContext.Transforms.Ecg.BandPass(outputColumnName: "Filtered", inputColumnName: "Signal").Fit(view).Transform(view);

        Assert.Equal(RecordLengths, EcgTestData.Lengths(output));
        Assert.Equal(EcgTestData.Signals(output, "Filtered"),
            EcgTestData.Signals(_mlContext.Transforms.Ecg.BandPass().Fit(view).Transform(view)));
    }

    [Theory]
    [InlineData("Resample")]
    [InlineData("CropOrPad")]
    public void Fit_Throws_WhenALengthChangingTransformWritesBesideAWholeRecordSignal(string name)
    {
        var view = EcgDataView.FromList(EcgTestData.Records(_mlContext, RecordLengths));
        var estimator = name == "Resample"
            ? (IEstimator<ITransformer>)_mlContext.Transforms.Ecg.Resample(250, outputColumnName: "Short", inputColumnName: "Signal")
            : _mlContext.Transforms.Ecg.CropOrPad(300, outputColumnName: "Short", inputColumnName: "Signal");

        var error = Assert.Throws<SignalColumnException>(() => estimator.Fit(view));

        Assert.Equal("Signal", error.ColumnName);
        Assert.Contains("must write in place", error.Message);
        Assert.Contains("'SignalLength'", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(721)]
    public void Transform_ThrowsNamingRowAndColumn_WhenSignalLengthIsOutsideTheSignal(int length)
    {
        var definition = EcgTestData.Definition<WholeRecordRow>(3, 720, 360, EcgTestData.ThreeLeads);
        var rows = new[] { new WholeRecordRow { Signal = new float[2160], SignalLength = 720 }, new WholeRecordRow { Signal = new float[2160], SignalLength = length } };
        var view = _mlContext.Data.LoadFromEnumerable(rows, definition);
        var output = _mlContext.Transforms.Ecg.BandPass().Fit(view).Transform(view);

        var error = Assert.Throws<SignalLengthException>(() => EcgTestData.Signals(output));

        Assert.Equal((1L, length), (error.Row, error.Length));
        Assert.Contains("row 1", error.Message);
        Assert.Contains($"column 'SignalLength' holds {length}; it must be between 1 and 720", error.Message);
    }

    [Fact]
    public void Transform_ThrowsNamingTheRow_WhenARecordIsTooShortToFilter()
    {
        var records = EcgTestData.Records(_mlContext, 720, 10);
        var view = EcgDataView.FromList(records);

        var error = Assert.Throws<SignalLengthException>(() => EcgTestData.Signals(_mlContext.Transforms.Ecg.BandPass().Fit(view).Transform(view)));

        Assert.Equal((1L, 10), (error.Row, error.Length));
        Assert.Contains("Butterworth filter: row 1", error.Message);
        Assert.Contains("needs more than", error.Message);
    }

    [Fact]
    public void Fit_ThrowsNamingTheColumn_WhenSignalLengthIsNotInt32()
    {
        var definition = EcgTestData.Definition<FloatLengthRow>(3, 720, 360, EcgTestData.ThreeLeads);
        var view = _mlContext.Data.LoadFromEnumerable(new[] { new FloatLengthRow { Signal = new float[2160], SignalLength = 700 } }, definition);

        var error = Assert.Throws<SignalColumnException>(() => _mlContext.Transforms.Ecg.Notch().Fit(view));

        Assert.Equal("SignalLength", error.ColumnName);
        Assert.Contains("must be Int32", error.Message);
    }

    [Fact]
    public void PredictionEngine_ResamplesTheRecordOnly_AndGivesItsNewLength()
    {
        var definition = EcgTestData.Definition<WholeRecordRow>(3, 720, 360, EcgTestData.ThreeLeads);
        var empty = _mlContext.Data.LoadFromEnumerable(Array.Empty<WholeRecordRow>(), definition);
        var model = _mlContext.Transforms.Ecg.Resample(250).Append(_mlContext.Transforms.Ecg.NormalizeLeads()).Fit(empty);
        using var engine = _mlContext.Model.CreatePredictionEngine<WholeRecordRow, WholeRecordRow>(model, inputSchemaDefinition: definition);
        var record = EcgTestData.Records(_mlContext, 720, 500)[1];   // 500 samples per lead, padded to 720

        var padded = EcgTestData.Signals(EcgDataView.FromList([record, EcgTestData.Records(_mlContext, 720)[0]]))[0];
        var result = engine.Predict(new WholeRecordRow { Signal = padded, SignalLength = 500 });

        var alone = EcgDataView.FromList([record]);
        var expected = EcgTestData.Signals(model.Transform(alone))[0];   // 3 x ceil(500 * 250 / 360) = 3 x 348
        Assert.Equal((348, 3 * 500), (result.SignalLength, result.Signal.Length));
        for (int lead = 0; lead < 3; lead++)
        {
            AssertClose(expected.AsSpan(lead * 348, 348), result.Signal.AsSpan(lead * 500, 348), $"lead {lead}");
            Assert.All(result.Signal[(lead * 500 + 348)..((lead + 1) * 500)], v => Assert.Equal(0f, v));
        }
    }

    private static void AssertClose(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual, string where)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-5f * Math.Max(1, Math.Abs(expected[i])),
                $"{where}, sample {i}: expected {expected[i]}, got {actual[i]}");
    }
}
