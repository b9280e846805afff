namespace Erts.MLNet.Data.Wfdb;

/// <summary>The standard WFDB annotation codes (<c>ecgcodes.h</c>): code to symbol, and which codes are beats.</summary>
public static class WfdbAnnotationCodes
{
    /// <summary>Not a QRS: a placeholder annotation that labels nothing (WFDB <c>NOTQRS</c>, " ").</summary>
    public const int NotQrs = 0;

    /// <summary>Rhythm change; the new rhythm is in the aux text, e.g. "(AFIB" (WFDB <c>RHYTHM</c>, "+").</summary>
    public const int Rhythm = 28;

    // Index = code. "" for codes WFDB leaves unassigned.
    private static readonly string[] Symbols =
    [
        " ", "N", "L", "R", "a", "V", "F", "J", "A", "S",   // 0-9
        "E", "j", "/", "Q", "~", "", "|", "", "s", "T",     // 10-19
        "*", "D", "\"", "=", "p", "B", "^", "t", "+", "u",  // 20-29
        "?", "!", "[", "]", "e", "n", "@", "x", "f", "(",   // 30-39
        ")", "r", "", "", "", "", "", "", "", "",           // 40-49
    ];

    // WFDB isqrs: N L R a V F J A S E j / Q (1-13), B (25), e n (34, 35), f (38), r (41).
    private static readonly HashSet<int> BeatCodes = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 25, 34, 35, 38, 41];

    /// <summary>Largest annotation type code (WFDB <c>ACMAX</c>).</summary>
    public const int MaxCode = 49;

    /// <summary>
    /// The symbol of a code, e.g. "N" for 1, " " for <see cref="NotQrs"/>; "[code]", as WFDB's <c>annstr</c>, for a code
    /// the standard table leaves unassigned (15, 17, 42..49) or a user-defined one (50..58), e.g. "[53]".
    /// </summary>
    /// <param name="code">Annotation type code.</param>
    public static string Symbol(int code) =>
        (uint)code < Symbols.Length && Symbols[code].Length > 0 ? Symbols[code] : $"[{code}]";

    /// <summary>True when the code labels a beat (WFDB <c>isqrs</c>).</summary>
    /// <param name="code">Annotation type code.</param>
    public static bool IsBeat(int code) => BeatCodes.Contains(code);
}
