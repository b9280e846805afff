namespace Erts.MLNet.Data.Datasets;

/// <summary>
/// The AAMI EC57 beat classes and the mapping from MIT beat symbols: N (normal and bundle branch block),
/// S (supraventricular ectopic), V (ventricular ectopic), F (fusion), Q (paced, unclassifiable).
/// </summary>
public static class AamiBeatClasses
{
    /// <summary>The five classes, in the usual order.</summary>
    public static IReadOnlyList<string> All { get; } = ["N", "S", "V", "F", "Q"];

    private static readonly Dictionary<string, string> BySymbol = new(StringComparer.Ordinal)
    {
        // N: normal, left/right bundle branch block, atrial and nodal (junctional) escape; B = BBB unspecified.
        ["N"] = "N", ["L"] = "N", ["R"] = "N", ["e"] = "N", ["j"] = "N", ["B"] = "N",
        // S: atrial premature, aberrated atrial premature, nodal premature, supraventricular premature/escape.
        ["A"] = "S", ["a"] = "S", ["J"] = "S", ["S"] = "S", ["n"] = "S",
        // V: premature ventricular contraction, ventricular escape, R-on-T.
        ["V"] = "V", ["E"] = "V", ["r"] = "V",
        ["F"] = "F",
        // Q: paced, fusion of paced and normal, unclassifiable.
        ["/"] = "Q", ["f"] = "Q", ["Q"] = "Q",
    };

    /// <summary>The AAMI class of a MIT beat symbol, or null when the symbol is not a beat (e.g. "+", "~").</summary>
    /// <param name="symbol">MIT annotation symbol, e.g. "L".</param>
    public static string? Of(string symbol) => BySymbol.GetValueOrDefault(symbol);
}
