namespace Erts.MLNet.Data.Datasets;

/// <summary>One row of PTB-XL's <c>ptbxl_database.csv</c> with its labels resolved.</summary>
/// <param name="EcgId">The <c>ecg_id</c>.</param>
/// <param name="PatientId">The <c>patient_id</c> as an integer string, e.g. "15709".</param>
/// <param name="StratFold">The recommended fold <c>strat_fold</c>, 1..10.</param>
/// <param name="RecordPath">Record path relative to the database folder for the chosen rate (<c>filename_lr</c> or <c>filename_hr</c>).</param>
/// <param name="ScpCodes">The <c>scp_codes</c> dict: SCP statement to likelihood (0..100), in the file's order.</param>
/// <param name="Superclass">
/// Single label: the diagnostic superclass of the highest-likelihood diagnostic code (first on ties); null when the
/// row lists no diagnostic code, such a row having no single label (<see cref="PtbXlDatabase.Load"/> leaves it out).
/// </param>
/// <param name="Superclasses">Multi-label: every diagnostic superclass of the listed codes, whatever the likelihood; empty if none.</param>
public sealed record PtbXlEntry(
    int EcgId,
    string PatientId,
    int StratFold,
    string RecordPath,
    IReadOnlyList<KeyValuePair<string, double>> ScpCodes,
    string? Superclass,
    IReadOnlySet<string> Superclasses);
