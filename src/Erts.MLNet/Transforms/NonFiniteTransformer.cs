using Erts.MLNet.Data.DataViews;
using Erts.MLNet.Persistence;
using Microsoft.ML.Runtime;

namespace Erts.MLNet.Transforms;

/// <summary>
/// Applies a policy to NaN and infinite samples: replace them with <see cref="Replacement"/> (the paper: 0), or fail
/// with a <see cref="NonFiniteSignalException"/> that names the row and lead. Put it first: filters spread a NaN
/// over a whole lead.
/// </summary>
[ModelLoader("ECGNOFIN", "EcgNonFinite")]
public sealed class NonFiniteTransformer : SignalTransformerBase
{
    internal NonFiniteTransformer(NonFinitePolicy policy, float replacement, string outputColumnName, string? inputColumnName)
        : base(outputColumnName, inputColumnName)
    {
        if (!Enum.IsDefined(policy)) throw new ArgumentOutOfRangeException(nameof(policy), policy, "unknown non-finite policy");
        if (!float.IsFinite(replacement)) throw new ArgumentOutOfRangeException(nameof(replacement), replacement, "the replacement must be finite");
        Policy = policy;
        Replacement = replacement;
    }

    /// <summary>Replace or fail.</summary>
    public NonFinitePolicy Policy { get; }

    /// <summary>Value written in place of NaN and infinities under <see cref="NonFinitePolicy.Replace"/>.</summary>
    public float Replacement { get; }

    private protected override string TransformName => "HandleNonFinite";

    private protected override SignalMapping Map(SignalColumn input) =>
        SignalMapping.PerLead(input, input, (source, destination, lead, in row) =>
        {
            for (int i = 0; i < source.Length; i++)
            {
                float value = source[i];
                if (float.IsFinite(value)) destination[i] = value;
                else if (Policy == NonFinitePolicy.Replace) destination[i] = Replacement;
                else throw new NonFiniteSignalException(input.Name, row.Position, lead, input.LeadNames?[lead], i, value);
            }
        });

    private protected override void SaveParameters(BinaryWriter writer)
    {
        writer.Write((int)Policy);
        writer.Write(Replacement);
    }

    private static NonFiniteTransformer Create(IHostEnvironment env, object context)
    {
        var reader = LoadHeader<NonFiniteTransformer>(context, out string output, out string input);
        return new NonFiniteTransformer((NonFinitePolicy)reader.ReadInt32(), reader.ReadSingle(), output, input);
    }
}
