using Erts.MLNet.Training;

namespace Erts.MLNet.Tests.Training;

/// <summary>
/// Tiny class-dependent single-lead signals for training tests: each class is one local event (a sharp spike, a
/// wide dip, an oscillation burst) at a random position on noise. A flipped example keeps its true class's event
/// and gets another class's label, as a labelling mistake would.
/// </summary>
internal static class ToyEcg
{
    public const int Samples = 128;
    public static readonly string[] ClassNames = ["spike", "dip", "burst"];

    public static (EcgTensorData Data, bool[] Flipped) Make(int perClass, int seed, double flipFraction = 0)
    {
        var random = new Random(seed);
        int count = perClass * ClassNames.Length;
        var signals = new float[count * Samples];
        var labels = new int[count];
        var flipped = new bool[count];
        for (int i = 0; i < count; i++)
        {
            int trueClass = i % ClassNames.Length;
            var signal = signals.AsSpan(i * Samples, Samples);
            for (int t = 0; t < Samples; t++) signal[t] = 0.3f * Gaussian(random);
            AddEvent(signal, trueClass, center: random.Next(20, Samples - 20));
            flipped[i] = random.NextDouble() < flipFraction;
            labels[i] = flipped[i] ? (trueClass + 1 + random.Next(ClassNames.Length - 1)) % ClassNames.Length : trueClass;
        }
        return (new EcgTensorData(signals, labels, leads: 1, Samples, ClassNames), flipped);
    }

    private static void AddEvent(Span<float> signal, int trueClass, int center)
    {
        for (int t = 0; t < signal.Length; t++)
        {
            double offset = t - center;
            signal[t] += trueClass switch
            {
                0 => (float)(2.0 * Math.Exp(-offset * offset / (2 * 2.0 * 2.0))),
                1 => (float)(-1.5 * Math.Exp(-offset * offset / (2 * 7.0 * 7.0))),
                _ => (float)(1.5 * Math.Sin(2 * Math.PI * offset / 6) * Math.Exp(-offset * offset / (2 * 6.0 * 6.0))),
            };
        }
    }

    private static float Gaussian(Random random) =>
        (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
}
