using Erts.MLNet.Data.DataViews;
using Erts.MLNet.Persistence;
using Microsoft.ML.Runtime;

namespace Erts.MLNet.Transforms;

/// <summary>
/// Brings every record to <see cref="Length"/> samples per lead: longer ones are cropped (<see cref="CropMode"/>),
/// shorter ones are padded with zeros (at the end, or on both sides for <see cref="CropMode.Center"/>).
/// </summary>
/// <remarks>
/// <para><see cref="CropMode.Random"/> draws the window from the row's id, the pass over the data and <see cref="Seed"/>:
/// a trainer reading the data once per epoch sees a new window each epoch, and the same program run again sees the
/// same windows. Use <see cref="CropMode.Center"/> or <see cref="CropMode.Start"/> for evaluation.</para>
/// <para>In a view of whole records (<c>SignalLength</c>) the window is taken from each row's record, not from its
/// padding: a record longer than <see cref="Length"/> is cropped by the mode, a shorter one is kept whole at the start
/// and zero-padded at the end whatever the mode (the convention puts padding after the record, where
/// <c>SignalLength</c> says it begins). Padding is not record, so the per-row <c>SignalLength</c> becomes
/// min(record, <see cref="Length"/>) and is replaced when <see cref="Length"/> is below the input's samples per lead
/// (then the transform must write in place). A view without <c>SignalLength</c> is cropped and padded as a whole, as
/// before, and gets no such column.</para>
/// </remarks>
[ModelLoader("ECGCROPD", "EcgCropOrPad")]
public sealed class CropOrPadTransformer : SignalTransformerBase
{
    internal CropOrPadTransformer(int length, CropMode mode, int seed, string outputColumnName, string? inputColumnName)
        : base(outputColumnName, inputColumnName)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        if (!Enum.IsDefined(mode)) throw new ArgumentOutOfRangeException(nameof(mode), mode, "unknown crop mode");
        Length = length;
        Mode = mode;
        Seed = seed;
    }

    /// <summary>Samples per lead in the output.</summary>
    public int Length { get; }

    /// <summary>Which window a longer signal keeps.</summary>
    public CropMode Mode { get; }

    /// <summary>Seed of <see cref="CropMode.Random"/>.</summary>
    public int Seed { get; }

    private protected override string TransformName => "CropOrPad";

    private protected override SignalMapping Map(SignalColumn input)
    {
        var output = input with { Samples = Length };
        ulong seedKey = (ulong)(uint)Seed * 0x9E3779B97F4A7C15UL;
        bool padAtEnd = input.VariableLength;
        return new SignalMapping(output, (source, destination, in row) =>
        {
            int excess = row.Length - Length;
            // Positive offset: first input sample kept; negative: zeros written before the first input sample.
            int offset = (Mode, excess) switch
            {
                (_, 0) => 0,
                (CropMode.Center, _) => excess / 2,
                (CropMode.Random, > 0) => (int)((row.RandomKey ^ seedKey) % (ulong)(excess + 1)),
                _ => 0,
            };
            if (padAtEnd) offset = Math.Max(offset, 0);
            int from = Math.Max(offset, 0), to = Math.Max(-offset, 0), count = Math.Min(row.Length - from, Length - to);
            destination.Clear();
            for (int lead = 0; lead < input.Leads; lead++)
                source.Slice(lead * input.Samples + from, count).CopyTo(destination.Slice(lead * Length + to, count));
        }, UsesRandomKey: Mode == CropMode.Random, RowLength: Length < input.Samples ? record => Math.Min(record, Length) : null);
    }

    private protected override void SaveParameters(BinaryWriter writer)
    {
        writer.Write(Length);
        writer.Write((int)Mode);
        writer.Write(Seed);
    }

    private static CropOrPadTransformer Create(IHostEnvironment env, object context)
    {
        var reader = LoadHeader<CropOrPadTransformer>(context, out string output, out string input);
        return new CropOrPadTransformer(reader.ReadInt32(), (CropMode)reader.ReadInt32(), reader.ReadInt32(), output, input);
    }
}
