using Erts.MLNet.Data.Synthetic;

namespace Erts.MLNet.Tests.Features;

/// <summary>ECG-like signals with known beats for the feature tests.</summary>
internal static class TestSignals
{
    /// <summary>
    /// A clean lead of Gaussian QRS complexes (1 mV R, sigma 10 ms, i.e. about 60 ms wide) and small T waves at the
    /// given R-peak times, sampled at <paramref name="rate"/> Hz.
    /// </summary>
    public static float[] Spikes(IReadOnlyList<double> beatSeconds, double durationSeconds, double rate)
    {
        var signal = new float[(int)Math.Round(durationSeconds * rate)];
        foreach (double beat in beatSeconds)
        {
            for (int i = 0; i < signal.Length; i++)
            {
                double t = i / rate - beat;
                signal[i] += (float)(Math.Exp(-t * t / (2 * 0.010 * 0.010)) + 0.2 * Math.Exp(-(t - 0.3) * (t - 0.3) / (2 * 0.04 * 0.04)));
            }
        }
        return signal;
    }

    /// <summary>Beats every <paramref name="rrSeconds"/> from <paramref name="first"/> to the end.</summary>
    public static double[] Regular(double rrSeconds, double durationSeconds, double first = 0.5) =>
        Enumerable.Range(0, (int)((durationSeconds - first) / rrSeconds) + 1).Select(k => first + k * rrSeconds).ToArray();

    /// <summary>Synthetic records of lead II only at 360 Hz (the MIT-BIH rate), with their true beat times.</summary>
    public static IReadOnlyList<SyntheticEcgRecord> SyntheticLeadII(int examplesPerClass, IReadOnlyList<SyntheticEcgClass>? classes = null, int seed = 7) =>
        SyntheticEcg.Generate(new SyntheticEcgOptions
        {
            LeadNames = ["II"],
            SamplingRate = 360,
            ExamplesPerClass = examplesPerClass,
            Classes = classes ?? SyntheticEcgOptions.Defaults.Classes,
            Seed = seed,
        });
}
