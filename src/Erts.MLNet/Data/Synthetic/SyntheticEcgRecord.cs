namespace Erts.MLNet.Data.Synthetic;

/// <summary>
/// One generated record: the example as a loader would yield it, plus the ground truth only a generator knows
/// (the true class when the label was flipped on purpose, and the beat positions).
/// </summary>
/// <param name="Index">0-based position in the generated set.</param>
/// <param name="Example">The example; its <c>Label</c> is the flipped one when <paramref name="IsLabelFlipped"/>.</param>
/// <param name="TrueClass">The class the signal was generated from.</param>
/// <param name="IsLabelFlipped">True when <c>Example.Label</c> was deliberately set to another class (label noise).</param>
/// <param name="Beats">The beats rendered, in time order (including ones that only spill into the record).</param>
public sealed record SyntheticEcgRecord(
    int Index,
    EcgExample Example,
    SyntheticEcgClass TrueClass,
    bool IsLabelFlipped,
    IReadOnlyList<SyntheticBeat> Beats)
{
    /// <summary>The label of the class the signal was generated from.</summary>
    public string TrueLabel => TrueClass.ToLabel();
}
