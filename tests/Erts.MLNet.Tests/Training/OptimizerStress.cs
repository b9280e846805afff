using Erts.MLNet.Tests.Reliability;
using Erts.MLNet.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Erts.MLNet.Tests.Training;

/// <summary>
/// Drives an AdamW-like optimiser through many steps the way <c>EpochRunner</c> does (a dispose scope per step, the
/// learning rate set before each step, nested scopes), while another thread forces collections and runs
/// finalizers. A native object the optimiser lets the GC finalize while libtorch still reads it shows up as an
/// exception from the step or as parameters that differ from a run without the collecting thread.
/// </summary>
internal static class OptimizerStress
{
    /// <summary>What the stress loop needs of an optimiser.</summary>
    internal interface IStepper : IDisposable
    {
        /// <summary>Sets the learning rate of the next step.</summary>
        void SetLearningRate(double learningRate);

        /// <summary>Zeroes the gradients.</summary>
        void ZeroGrad();

        /// <summary>One update.</summary>
        void Step();
    }

    /// <summary>Parameter shapes: small, so a step is many native calls and little arithmetic.</summary>
    internal static readonly long[][] Shapes = [[16, 8], [16], [4, 16], [4]];

    /// <summary>Fresh parameters with seeded values.</summary>
    internal static List<Parameter> NewParameters(int seed)
    {
        var random = new Random(seed);
        return Shapes.Select(shape =>
        {
            var values = new float[shape.Aggregate(1L, (a, b) => a * b)];
            for (int i = 0; i < values.Length; i++) values[i] = (float)(random.NextDouble() * 2 - 1);
            using var data = torch.tensor(values);
            return new Parameter(data.reshape(shape));
        }).ToList();
    }

    /// <summary>Seeded gradients for <paramref name="count"/> distinct steps (reused cyclically).</summary>
    internal static float[][][] Gradients(int seed, int count)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => Shapes.Select(shape =>
        {
            var values = new float[shape.Aggregate(1L, (a, b) => a * b)];
            for (int i = 0; i < values.Length; i++) values[i] = (float)(random.NextDouble() * 2 - 1);
            return values;
        }).ToArray()).ToArray();
    }

    /// <summary>
    /// Runs <paramref name="steps"/> steps on <paramref name="parameters"/>; when <paramref name="collect"/> is set,
    /// another thread forces collections and waits for finalizers throughout. Returns the final parameter values.
    /// </summary>
    internal static float[][] Run(List<Parameter> parameters, IStepper optimizer, float[][][] gradients, int steps, bool collect)
    {
        using var collections = collect ? new ForcedCollections() : null;
        for (int step = 0; step < steps; step++)
        {
            using var scope = NewDisposeScope();
            // A warm-up + cosine-like rate that changes every step, as the per-step schedules do.
            optimizer.SetLearningRate(1e-2 * (0.5 + 0.5 * Math.Cos(step * 0.01)));
            optimizer.ZeroGrad();
            var stepGradients = gradients[step % gradients.Length];
            for (int i = 0; i < parameters.Count; i++)
            {
                var gradient = torch.tensor(stepGradients[i]).reshape(Shapes[i]);
                parameters[i].grad = gradient;
            }
            if (step % 3 == 0)
            {
                // A nested scope that ends before the step, like the confidence pass's.
                using var inner = NewDisposeScope();
                using var sum = parameters[0].sum();
            }
            optimizer.Step();
        }
        return parameters.Select(p => p.data<float>().ToArray()).ToArray();
    }

    /// <summary>The optimiser <c>EpochRunner</c> uses.</summary>
    internal sealed class ErtsAdamW(IEnumerable<Parameter> parameters, double weightDecay) : IStepper
    {
        /// <summary>The optimiser under test.</summary>
        public DecoupledAdamW Optimizer { get; } = new(parameters, 1e-2, weightDecay);

        public void SetLearningRate(double learningRate) => Optimizer.LearningRate = learningRate;

        public void ZeroGrad() => Optimizer.ZeroGrad();

        public void Step() => Optimizer.Step();

        public void Dispose() => Optimizer.Dispose();
    }

    /// <summary>TorchSharp's own <c>optim.AdamW</c>.</summary>
    internal sealed class TorchSharpAdamW(IEnumerable<Parameter> parameters, double weightDecay) : IStepper
    {
        private readonly OptimizerHelper _optimizer = optim.AdamW(parameters, 1e-2, weight_decay: weightDecay);

        /// <summary>The optimiser under test.</summary>
        public OptimizerHelper Optimizer => _optimizer;

        public void SetLearningRate(double learningRate)
        {
            foreach (var group in _optimizer.ParamGroups) group.LearningRate = learningRate;
        }

        public void ZeroGrad() => _optimizer.zero_grad();

        public void Step() => _optimizer.step();

        public void Dispose() => _optimizer.Dispose();
    }
}
