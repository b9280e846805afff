using Erts.MLNet.Dsp;
using Erts.MLNet.Persistence;
using Microsoft.ML.Runtime;

namespace Erts.MLNet.Transforms;

/// <summary>
/// Removes mains interference (50 or 60 Hz) from every lead with a zero-phase second-order notch, the same as
/// <c>scipy.signal.iirnotch</c> + <c>filtfilt</c>.
/// </summary>
[ModelLoader("ECGNOTCH", "EcgNotchFilter")]
public sealed class NotchFilterTransformer : ZeroPhaseFilterTransformer
{
    /// <summary>Default values of the catalog method.</summary>
    public static class Defaults
    {
        /// <summary>Mains frequency in Hz (Europe, Asia; 60 in the Americas).</summary>
        public const double Frequency = 50;

        /// <summary>Quality factor: notch centre over -3 dB width, so 30 removes about 48.3-51.7 Hz.</summary>
        public const double Quality = 30;
    }

    internal NotchFilterTransformer(double frequency, double quality, string outputColumnName, string? inputColumnName)
        : base(outputColumnName, inputColumnName)
    {
        if (!(frequency > 0) || !double.IsFinite(frequency))
            throw new ArgumentOutOfRangeException(nameof(frequency), frequency, "the notch frequency must be a positive number of Hz");
        if (!(quality > 0) || !double.IsFinite(quality))
            throw new ArgumentOutOfRangeException(nameof(quality), quality, "the quality factor must be a positive number");
        Frequency = frequency;
        Quality = quality;
    }

    /// <summary>Centre of the notch, Hz.</summary>
    public double Frequency { get; }

    /// <summary>Quality factor (centre frequency over -3 dB bandwidth).</summary>
    public double Quality { get; }

    private protected override string TransformName => "Notch filter";

    private protected override SecondOrderSections Design(double samplingRate) => FilterDesign.Notch(Frequency, Quality, samplingRate);

    private protected override void SaveParameters(BinaryWriter writer)
    {
        writer.Write(Frequency);
        writer.Write(Quality);
    }

    private static NotchFilterTransformer Create(IHostEnvironment env, object context)
    {
        var reader = LoadHeader<NotchFilterTransformer>(context, out string output, out string input);
        return new NotchFilterTransformer(reader.ReadDouble(), reader.ReadDouble(), output, input);
    }
}
