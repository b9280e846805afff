namespace Erts.MLNet.Selection;

/// <summary>How the ERTS <see cref="FocusFilter"/> ranks its candidates before keeping the top ρ share.</summary>
public enum ReliabilityRanking
{
    /// <summary>
    /// The paper's reliability r = (1 − p(true class)) × focus. A flipped label has p(true class) near 0, so it
    /// ranks high whenever its evidence is at all focused.
    /// </summary>
    ConfidenceTimesFocus,

    /// <summary>
    /// Focus alone: the Grad-CAM concentration of the labelled class's evidence. Candidates are already the
    /// not-yet-learned samples, so this keeps the ones whose label the signal supports and is more robust to
    /// flipped labels.
    /// </summary>
    Focus,
}
