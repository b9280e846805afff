using Erts.MLNet.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Erts.MLNet.Tests.Training;

public class DecoupledAdamWTests
{
    private static readonly float[][][] Gradients = OptimizerStress.Gradients(seed: 5, count: 7);

    // Steps both optimisers the same way: a new rate before each step, gradients for every parameter but the last
    // (which AdamW must then leave alone), a dispose scope per step.
    private static void Steps(List<Parameter> parameters, OptimizerStress.IStepper optimizer, int from, int count)
    {
        for (int step = from; step < from + count; step++)
        {
            using var scope = NewDisposeScope();
            optimizer.SetLearningRate(3e-3 * (1 + Math.Sin(step)));
            optimizer.ZeroGrad();
            for (int i = 0; i < parameters.Count - 1; i++)
                parameters[i].grad = torch.tensor(Gradients[step % Gradients.Length][i]).reshape(OptimizerStress.Shapes[i]);
            optimizer.Step();
        }
    }

    private static float[][] Values(List<Parameter> parameters) => parameters.Select(p => p.data<float>().ToArray()).ToArray();

    private static byte[] Bytes(Action<BinaryWriter> save)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true)) save(writer);
        return stream.ToArray();
    }

    private static void Load(byte[] bytes, Action<BinaryReader> load)
    {
        using var reader = new BinaryReader(new MemoryStream(bytes));
        load(reader);
        Assert.Equal(bytes.Length, reader.BaseStream.Position);
    }

    [Fact]
    public void Step_MatchesTorchSharpsAdamW_WithChangingLearningRates()
    {
        var theirs = OptimizerStress.NewParameters(seed: 11);
        var ours = OptimizerStress.NewParameters(seed: 11);
        using var torchSharp = new OptimizerStress.TorchSharpAdamW(theirs, weightDecay: 0.05);
        using var erts = new OptimizerStress.ErtsAdamW(ours, weightDecay: 0.05);

        Steps(theirs, torchSharp, 0, 20);
        Steps(ours, erts, 0, 20);

        var expected = Values(theirs);
        var actual = Values(ours);
        var comparer = new ToleranceComparer(1e-6f);
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i], comparer);
        Assert.NotEqual(Values(OptimizerStress.NewParameters(seed: 11))[0], actual[0], comparer);
        Assert.Equal(Values(OptimizerStress.NewParameters(seed: 11))[^1], actual[^1]); // no gradient, no update, no decay
        // Same operations in the same order: the moments, steps and rates are in fact identical, byte for byte.
        Assert.Equal(Bytes(torchSharp.Optimizer.save_state_dict), Bytes(erts.Optimizer.Save));
    }

    [Fact]
    public void Load_ContinuesFromTorchSharpsState_AndTorchSharpFromOurs()
    {
        var theirs = OptimizerStress.NewParameters(seed: 12);
        var ours = OptimizerStress.NewParameters(seed: 12);
        using var torchSharp = new OptimizerStress.TorchSharpAdamW(theirs, weightDecay: 0.01);
        using var erts = new OptimizerStress.ErtsAdamW(ours, weightDecay: 0.01);
        Steps(theirs, torchSharp, 0, 6);

        // Ours continues from TorchSharp's state (a checkpoint written before this optimiser existed).
        using (no_grad())
            for (int i = 0; i < ours.Count; i++) ours[i].copy_(theirs[i]);
        Load(Bytes(torchSharp.Optimizer.save_state_dict), erts.Optimizer.Load);
        Assert.Equal(torchSharp.Optimizer.ParamGroups.First().LearningRate, erts.Optimizer.LearningRate);
        Steps(theirs, torchSharp, 6, 6);
        Steps(ours, erts, 6, 6);
        Assert.Equal(Values(theirs), Values(ours));

        // And the other way round.
        Load(Bytes(erts.Optimizer.Save), torchSharp.Optimizer.load_state_dict);
        Steps(theirs, torchSharp, 12, 3);
        Steps(ours, erts, 12, 3);
        Assert.Equal(Values(theirs), Values(ours));
        Assert.Equal(Bytes(torchSharp.Optimizer.save_state_dict), Bytes(erts.Optimizer.Save));
    }

    [Fact]
    public void SaveThenLoad_ResumesExactly()
    {
        var uninterrupted = OptimizerStress.NewParameters(seed: 13);
        using var first = new OptimizerStress.ErtsAdamW(uninterrupted, weightDecay: 0.01);
        Steps(uninterrupted, first, 0, 5);
        var saved = Bytes(first.Optimizer.Save);
        var weights = Values(uninterrupted);
        Steps(uninterrupted, first, 5, 5);

        var resumed = OptimizerStress.NewParameters(seed: 99);
        using (no_grad())
            for (int i = 0; i < resumed.Count; i++) resumed[i].copy_(torch.tensor(weights[i]).reshape(OptimizerStress.Shapes[i]));
        using var second = new OptimizerStress.ErtsAdamW(resumed, weightDecay: 0.5);
        second.Optimizer.LearningRate = 1;
        Load(saved, second.Optimizer.Load);
        Steps(resumed, second, 5, 5);

        Assert.Equal(Values(uninterrupted), Values(resumed));
        Assert.Equal(Bytes(first.Optimizer.Save), Bytes(second.Optimizer.Save));
    }

    [Fact]
    public void Moments_SurviveTheDisposeScopeTheOptimiserWasCreatedIn()
    {
        var parameters = OptimizerStress.NewParameters(seed: 14);
        OptimizerStress.ErtsAdamW optimizer;
        // A caller's scope around a whole fit, say, that ends before training does.
        using (NewDisposeScope())
            optimizer = new OptimizerStress.ErtsAdamW(parameters, weightDecay: 0.01);
        using (optimizer)
        {
            Steps(parameters, optimizer, 0, 3);
            Assert.All(Values(parameters), values => Assert.All(values, v => Assert.True(float.IsFinite(v))));
            Assert.NotEmpty(Bytes(optimizer.Optimizer.Save));
        }
    }

    [Fact]
    public void Load_Throws_OnTheStateOfAnotherOptimiserOrOtherParameters()
    {
        var parameters = OptimizerStress.NewParameters(seed: 15);
        using var optimizer = new DecoupledAdamW(parameters, 1e-3, 0.01);

        using (var sgd = optim.SGD(parameters, 1e-3))
            Assert.Throws<InvalidDataException>(() => Load(Bytes(sgd.save_state_dict), optimizer.Load));
        using (var fewer = new DecoupledAdamW(parameters.Take(2), 1e-3, 0.01))
            Assert.Throws<ArgumentException>(() => Load(Bytes(fewer.Save), optimizer.Load));
    }

    [Theory]
    [InlineData(-1e-3, 0.0, 0.9, 0.999, 1e-8)]
    [InlineData(1e-3, -0.1, 0.9, 0.999, 1e-8)]
    [InlineData(1e-3, 0.0, 1.0, 0.999, 1e-8)]
    [InlineData(1e-3, 0.0, 0.9, -0.5, 1e-8)]
    [InlineData(1e-3, 0.0, 0.9, 0.999, double.NaN)]
    public void Constructor_Throws_OnACoefficientOutOfRange(double learningRate, double weightDecay, double beta1, double beta2, double epsilon)
    {
        var parameters = OptimizerStress.NewParameters(seed: 16);
        Assert.Throws<ArgumentOutOfRangeException>(() => new DecoupledAdamW(parameters, learningRate, weightDecay, beta1, beta2, epsilon));
    }
}
