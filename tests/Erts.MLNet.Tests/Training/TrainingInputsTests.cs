using Erts.MLNet.Training;
using TorchSharp;

namespace Erts.MLNet.Tests.Training;

public class TrainingInputsTests
{
    // Record i holds the values 1..length_i (so where a window came from is readable) and zeros after.
    private static EcgTensorData Ramps(int[] lengths, int samples)
    {
        var signals = new float[lengths.Length * samples];
        for (int i = 0; i < lengths.Length; i++)
            for (int t = 0; t < lengths[i]; t++) signals[i * samples + t] = t + 1;
        var store = new Erts.MLNet.Training.Storage.MemorySignalStore(signals, samples);
        return new EcgTensorData(store, lengths.Select(i => i % 2).ToArray(), 1, samples, ["a", "b"], rows: null, lengths);
    }

    private static float[] Row(TrainingInputs inputs, int row, int epoch) =>
        inputs.Signals([row], epoch, torch.CPU).data<float>().ToArray();

    [Fact]
    public void Signals_DrawAWindowInsideTheRecord_TheSameForTheSameEpoch_AndAnotherNextEpoch()
    {
        var data = Ramps([500, 90, 300], samples: 500);
        var inputs = new TrainingInputs(data, new ErtsTrainer.Options { TrainingWindow = 100, Seed = 7 });

        var epochs = Enumerable.Range(0, 6).Select(epoch => Row(inputs, 0, epoch)).ToList();

        foreach (var window in epochs)
        {
            Assert.Equal(100, window.Length);
            Assert.InRange(window[0], 1, 401);                                       // starts inside the record
            Assert.All(window.Zip(window.Skip(1)), pair => Assert.Equal(pair.First + 1, pair.Second));   // contiguous
        }
        Assert.Equal(epochs[2], Row(inputs, 0, 2));
        Assert.True(epochs.Select(w => w[0]).Distinct().Count() > 1);
        // A record shorter than the window starts at 0 and is zero-padded after its 90 samples.
        var shortRecord = Row(inputs, 1, 3);
        Assert.Equal(Enumerable.Range(1, 90).Select(v => (float)v), shortRecord.Take(90));
        Assert.All(shortRecord.Skip(90), value => Assert.Equal(0f, value));
    }

    [Fact]
    public void Signals_DependOnTheRowAndEpochOnly_NotOnTheBatch()
    {
        var data = Ramps([500, 480, 460, 440], samples: 500);
        var options = new ErtsTrainer.Options
        {
            TrainingWindow = 100,
            Augmentation = new EcgAugmentation { AmplitudeScale = 0.2f, NoiseStandardDeviation = 0.1f, BaselineWanderAmplitude = 0.3f, MaxTimeShift = 5 },
        };
        var inputs = new TrainingInputs(data, options);

        var batch = inputs.Signals([3, 1, 2], 4, torch.CPU).data<float>().ToArray();

        Assert.Equal(Row(inputs, 1, 4), batch.AsSpan(100, 100).ToArray());
        Assert.NotEqual(Row(inputs, 1, 4), Row(inputs, 1, 5));
    }

    [Fact]
    public void Signals_ScaleAndNoise_WithinTheirAmounts()
    {
        var data = Ramps([400], samples: 400);
        var scaled = new TrainingInputs(data, new ErtsTrainer.Options { Augmentation = new EcgAugmentation { AmplitudeScale = 0.2f } });
        var noisy = new TrainingInputs(data, new ErtsTrainer.Options { Augmentation = new EcgAugmentation { NoiseStandardDeviation = 0.5f } });

        for (int epoch = 0; epoch < 20; epoch++)
        {
            var row = Row(scaled, 0, epoch);
            Assert.InRange(row[399] / 400f, 0.8f, 1.2f);
            Assert.Equal(row[399] / 400f, row[199] / 200f, 4);      // one factor for the whole input
        }
        var residual = Row(noisy, 0, 0).Select((v, t) => v - (t + 1)).ToArray();
        double sd = Math.Sqrt(residual.Select(r => (double)r * r).Average());
        Assert.InRange(sd, 0.4, 0.6);
    }

    [Fact]
    public void LearningRateCurve_WarmsUpLinearly_ThenFollowsHalfACosineToZero()
    {
        var curve = new LearningRateCurve(new ErtsTrainer.Options
        {
            LearningRate = 1e-3, Epochs = 11, LearningRateSchedule = LearningRateSchedule.WarmupCosine, LearningRateWarmupEpochs = 1,
        });

        Assert.True(curve.IsPerStep);
        Assert.Equal(0.5e-3, curve.At(0.5), 12);
        Assert.Equal(1e-3, curve.At(1), 12);
        Assert.Equal(0.5e-3, curve.At(6), 12);
        Assert.Equal(0, curve.At(11), 12);
        Assert.False(new LearningRateCurve(new ErtsTrainer.Options()).IsPerStep);
    }
}
