namespace Erts.MLNet.Data.Datasets;

/// <summary>
/// The 8 classes the ERTS paper uses for the PhysioNet/CinC 2020 sets (CPSC 2018, Georgia) and their SNOMED CT codes:
/// a record takes the class of the first of its <c>#Dx</c> codes that is listed here, OTHER when none is.
/// </summary>
public static class Cinc2020Classes
{
    /// <summary>The classes, in the paper's order.</summary>
    public static IReadOnlyList<string> All { get; } = ["NORM", "AF", "LBBB", "RBBB", "ST", "AVB", "PVC", "OTHER"];

    private static readonly Dictionary<long, string> BySnomed = new()
    {
        [426783006] = "NORM",                           // sinus rhythm
        [164889003] = "AF", [164890007] = "AF",         // atrial fibrillation, atrial flutter
        [270492004] = "AVB", [195042002] = "AVB", [27885002] = "AVB", // 1st degree, 2nd degree, complete AV block
        [164909002] = "LBBB",
        [59118001] = "RBBB", [713427006] = "RBBB",      // right BBB, complete right BBB
        [284470004] = "PVC", [63593006] = "PVC", [427172004] = "PVC", [17338001] = "PVC", // premature atrial/supraventricular/ventricular
        [429622005] = "ST", [164931005] = "ST",         // ST depression, ST elevation
    };

    /// <summary>The class of a record's diagnosis codes: the first mapped code decides; OTHER when none is mapped.</summary>
    /// <param name="snomedCodes">The <c>#Dx</c> codes, in header order.</param>
    public static string Of(IEnumerable<long> snomedCodes)
    {
        foreach (long code in snomedCodes)
            if (BySnomed.TryGetValue(code, out string? cls)) return cls;
        return "OTHER";
    }
}
