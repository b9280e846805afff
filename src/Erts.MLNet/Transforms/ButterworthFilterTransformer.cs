using Erts.MLNet.Dsp;
using Erts.MLNet.Persistence;
using Microsoft.ML.Runtime;

namespace Erts.MLNet.Transforms;

/// <summary>
/// Zero-phase Butterworth filtering of every lead: band-pass (e.g. 0.5-40 Hz), high-pass (baseline-wander removal,
/// e.g. 0.5 Hz) or low-pass, the same as <c>scipy.signal.butter</c> + <c>filtfilt</c>, computed in second-order sections.
/// </summary>
[ModelLoader("ECGBUTTR", "EcgButterworthFilter")]
public sealed class ButterworthFilterTransformer : ZeroPhaseFilterTransformer
{
    /// <summary>Default values of the catalog methods.</summary>
    public static class Defaults
    {
        /// <summary>Prototype order: 2 (a band-pass is then of order 4, attenuating 80 dB/decade after both passes).</summary>
        public const int Order = 2;

        /// <summary>Low cutoff, Hz: below it lies baseline wander (breathing, electrode motion).</summary>
        public const double LowCutoff = 0.5;

        /// <summary>High cutoff, Hz: above it lies muscle noise; the QRS energy is mostly below.</summary>
        public const double HighCutoff = 40;
    }

    internal ButterworthFilterTransformer(double? lowCutoff, double? highCutoff, int order, string outputColumnName, string? inputColumnName)
        : base(outputColumnName, inputColumnName)
    {
        if (lowCutoff is null && highCutoff is null)
            throw new ArgumentException("give a low cutoff, a high cutoff or both", nameof(lowCutoff));
        if (order < 1 || order > FilterDesign.MaxButterworthOrder)
            throw new ArgumentOutOfRangeException(nameof(order), order, $"the Butterworth order must be between 1 and {FilterDesign.MaxButterworthOrder}");
        LowCutoff = lowCutoff;
        HighCutoff = highCutoff;
        Order = order;
    }

    /// <summary>Lower -3 dB frequency in Hz, or null for a low-pass.</summary>
    public double? LowCutoff { get; }

    /// <summary>Upper -3 dB frequency in Hz, or null for a high-pass.</summary>
    public double? HighCutoff { get; }

    /// <summary>Prototype order (each pass; the band-pass doubles it).</summary>
    public int Order { get; }

    private protected override string TransformName => "Butterworth filter";

    private protected override SecondOrderSections Design(double samplingRate) =>
        FilterDesign.Butterworth(Order, LowCutoff, HighCutoff, samplingRate);

    private protected override void SaveParameters(BinaryWriter writer)
    {
        writer.Write(LowCutoff ?? double.NaN);
        writer.Write(HighCutoff ?? double.NaN);
        writer.Write(Order);
    }

    private static ButterworthFilterTransformer Create(IHostEnvironment env, object context)
    {
        var reader = LoadHeader<ButterworthFilterTransformer>(context, out string output, out string input);
        static double? Optional(double value) => double.IsNaN(value) ? null : value;
        double? low = Optional(reader.ReadDouble()), high = Optional(reader.ReadDouble());
        return new ButterworthFilterTransformer(low, high, reader.ReadInt32(), output, input);
    }
}
