using System.Globalization;
using System.Text.RegularExpressions;
using Erts.MLNet.Data.Wfdb;

namespace Erts.MLNet.Data.Datasets;

/// <summary>
/// PTB-XL: 12-lead 10 s ECGs labelled with the 5 diagnostic superclasses NORM, MI, STTC, CD, HYP, split by the
/// recommended <c>strat_fold</c> (1-8 train, 9 validation, 10 test). Metadata is read once from
/// <c>ptbxl_database.csv</c> and <c>scp_statements.csv</c>; signals are read lazily, record by record.
/// </summary>
public sealed partial class PtbXlDatabase : IEcgDataset
{
    /// <summary>The five diagnostic superclasses.</summary>
    public static IReadOnlyList<string> Superclasses { get; } = ["NORM", "MI", "STTC", "CD", "HYP"];

    private readonly Options options;
    private readonly List<DataWarning> warnings = [];

    /// <summary>Reads the metadata of a PTB-XL folder.</summary>
    /// <param name="folder">Folder holding <c>ptbxl_database.csv</c>, <c>scp_statements.csv</c> and <c>records100/</c> or <c>records500/</c>.</param>
    /// <param name="options">Rate and folds; defaults when null.</param>
    /// <exception cref="DataFormatException">
    /// A CSV file is missing or malformed or has no data row, a row lists an SCP code absent from
    /// <c>scp_statements.csv</c> or lists one code twice, an <c>ecg_id</c> is on two rows, an SCP code is defined
    /// twice (the message names both lines), or a row's file name leads outside the folder (absolute, with '..', or
    /// through a symbolic link leading out).
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">Invalid options.</exception>
    public PtbXlDatabase(string folder, Options? options = null)
    {
        this.options = options ?? new Options();
        if (this.options.SamplingRate is not (100 or 500))
            throw new ArgumentOutOfRangeException(nameof(Options.SamplingRate), this.options.SamplingRate, "PTB-XL has 100 Hz and 500 Hz records");
        Folder = folder;
        Dictionary<string, string?> superclassOf = ReadStatements(Path.Combine(folder, "scp_statements.csv"));
        Entries = ReadDatabase(Path.Combine(folder, "ptbxl_database.csv"), superclassOf, this.options.SamplingRate == 100 ? "filename_lr" : "filename_hr", warnings);
    }

    /// <summary>The database folder.</summary>
    public string Folder { get; }

    /// <summary>
    /// Every row of the table, labels resolved, in file order, including the rows without a diagnostic statement
    /// (<see cref="PtbXlEntry.Superclass"/> null), which <see cref="Load"/> leaves out.
    /// </summary>
    public IReadOnlyList<PtbXlEntry> Entries { get; }

    /// <summary>
    /// One warning per row whose <c>scp_codes</c> list no diagnostic statement (e.g. <c>{}</c> or only <c>{'SR': 0.0}</c>):
    /// such a row has no superclass, so <see cref="Load"/> leaves it out rather than guessing NORM.
    /// </summary>
    public IReadOnlyList<DataWarning> Warnings => warnings;

    /// <summary>The split of a fold under the options: validation fold, test fold, else train.</summary>
    /// <param name="stratFold">The <c>strat_fold</c>, 1..10.</param>
    public DatasetSplit SplitOf(int stratFold) =>
        stratFold == options.ValidationFold ? DatasetSplit.Validation : stratFold == options.TestFold ? DatasetSplit.Test : DatasetSplit.Train;

    /// <summary>
    /// The 12-lead examples of a split, in mV, labelled with the single superclass, read record by record; rows with
    /// no diagnostic statement (no superclass, listed in <see cref="Warnings"/>) are left out.
    /// Record id is the <c>ecg_id</c>; the 12 leads are in the file's order (I, II, III, AVR, AVL, AVF, V1-V6).
    /// </summary>
    /// <param name="split">Which part.</param>
    /// <exception cref="WfdbFormatException">A record's files are missing or malformed.</exception>
    public IEnumerable<EcgExample> Load(DatasetSplit split = DatasetSplit.All)
    {
        foreach (PtbXlEntry entry in Entries)
        {
            if (entry.Superclass is null) continue;
            if (split != DatasetSplit.All && SplitOf(entry.StratFold) != split) continue;
            WfdbRecord record = WfdbRecord.Open(Path.Combine(Folder, entry.RecordPath), options.ReadOptions);
            int[] leads = RecordSignals.Resolve(record, null)!;
            float[] signal = RecordSignals.ReadMillivolts(record, leads, 0, RecordSignals.WholeLength(record, leads.Length));
            yield return new EcgExample(entry.EcgId.ToString(CultureInfo.InvariantCulture), entry.PatientId, signal, leads.Length,
                (float)record.SamplingFrequency, entry.Superclass, RecordSignals.Names(record, leads));
        }
    }

    private static Dictionary<string, string?> ReadStatements(string path)
    {
        IReadOnlyList<CsvFile.Row> rows = CsvFile.Read(path);
        if (rows.Count == 0) throw new DataFormatException(path, null, null, "file is empty");
        int diagnostic = CsvFile.Column(rows[0], "diagnostic", path);
        int superclass = CsvFile.Column(rows[0], "diagnostic_class", path);
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        var lineOf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (CsvFile.Row row in rows.Skip(1))
        {
            // The first column (unnamed in the header) is the SCP code.
            string code = row.Fields[0];
            bool isDiagnostic = CsvFile.Field(row, diagnostic, "diagnostic", path) == "1.0";
            string cls = CsvFile.Field(row, superclass, "diagnostic_class", path);
            if (isDiagnostic && !Superclasses.Contains(cls))
                throw new DataFormatException(path, row.Line, "diagnostic_class",
                    $"code {EchoedValue.Quote(code)} has unknown superclass {EchoedValue.Quote(cls)}; expected one of {string.Join(", ", Superclasses)}");
            // A second definition would silently replace the first.
            if (!lineOf.TryAdd(code, row.Line))
                throw new DataFormatException(path, row.Line, null, $"SCP code {EchoedValue.Quote(code)} is defined again (first on line {lineOf[code]})");
            result[code] = isDiagnostic ? cls : null;
        }
        return result;
    }

    private static IReadOnlyList<PtbXlEntry> ReadDatabase(string path, Dictionary<string, string?> superclassOf, string fileColumn,
        List<DataWarning> warnings)
    {
        IReadOnlyList<CsvFile.Row> rows = CsvFile.Read(path);
        if (rows.Count == 0) throw new DataFormatException(path, null, null, "file is empty");
        if (rows.Count == 1) throw new DataFormatException(path, null, null, "has a header row but no ECG row");
        CsvFile.Row header = rows[0];
        int id = CsvFile.Column(header, "ecg_id", path), patient = CsvFile.Column(header, "patient_id", path);
        int codes = CsvFile.Column(header, "scp_codes", path), fold = CsvFile.Column(header, "strat_fold", path);
        int file = CsvFile.Column(header, fileColumn, path);

        var entries = new List<PtbXlEntry>(rows.Count - 1);
        var lineOf = new Dictionary<int, int>();
        foreach (CsvFile.Row row in rows.Skip(1))
        {
            int ecgId = ParseInt(CsvFile.Field(row, id, "ecg_id", path), path, row.Line, "ecg_id");
            // One ECG on two rows could fall in two folds (a train record also tested) or carry two label sets.
            if (!lineOf.TryAdd(ecgId, row.Line))
                throw new DataFormatException(path, row.Line, "ecg_id", $"ecg_id {ecgId} is on line {lineOf[ecgId]} too; each ECG has one row");
            string patientText = CsvFile.Field(row, patient, "patient_id", path);
            // Written as a float ("15709.0"); anything but a whole number in range would become a wrong id silently.
            if (!double.TryParse(patientText, NumberStyles.Float, CultureInfo.InvariantCulture, out double patientId)
                || patientId != Math.Floor(patientId) || Math.Abs(patientId) > 1e15)
                throw new DataFormatException(path, row.Line, "patient_id", $"expected a whole number, got {EchoedValue.Quote(patientText)}");
            int strat = ParseInt(CsvFile.Field(row, fold, "strat_fold", path), path, row.Line, "strat_fold");
            if (strat is < 1 or > 10) throw new DataFormatException(path, row.Line, "strat_fold", $"must be 1..10, got {strat}");
            var scp = ParseScpCodes(CsvFile.Field(row, codes, "scp_codes", path), path, row.Line);

            var diagnostic = new List<(string Superclass, double Likelihood)>();
            foreach (var (code, likelihood) in scp)
            {
                if (!superclassOf.TryGetValue(code, out string? superclass))
                    throw new DataFormatException(path, row.Line, "scp_codes", $"unknown SCP code {EchoedValue.Quote(code)} (not in scp_statements.csv)");
                if (superclass != null) diagnostic.Add((superclass, likelihood));
            }
            // Highest likelihood wins; on ties the first listed (as Python's max over the dict does). No diagnostic
            // statement means no superclass: the row is kept in Entries (multi-label: none) but Load leaves it out,
            // as the PTB-XL benchmark does, instead of calling it NORM.
            string? single = diagnostic.Count == 0 ? null : diagnostic.Aggregate((best, d) => d.Likelihood > best.Likelihood ? d : best).Superclass;
            if (single is null)
                warnings.Add(new DataWarning(path, row.Line, "scp_codes",
                    $"ecg_id {ecgId} lists no diagnostic statement ({EchoedValue.Quote(scp.Count == 0 ? "{}" : string.Join(", ", scp.Select(c => c.Key)))}); it has no superclass and is left out"));
            var all = diagnostic.Select(d => d.Superclass).ToHashSet(StringComparer.Ordinal);
            string recordPath = CsvFile.Field(row, file, fileColumn, path);
            DatasetFiles.Resolve(Path.GetDirectoryName(path)!, recordPath + ".hea", problem => new DataFormatException(path, row.Line, fileColumn, problem));
            entries.Add(new PtbXlEntry(ecgId, ((long)patientId).ToString(CultureInfo.InvariantCulture), strat,
                recordPath, scp, single, all));
        }
        return entries;
    }

    private static List<KeyValuePair<string, double>> ParseScpCodes(string text, string path, int line)
    {
        // A Python dict literal: {'NORM': 100.0, 'SR': 0.0}
        string body = text.Trim();
        if (body.Length < 2 || body[0] != '{' || body[^1] != '}')
            throw new DataFormatException(path, line, "scp_codes", $"expected a dict such as {{'NORM': 100.0}}, got {EchoedValue.Quote(text)}");
        var result = new List<KeyValuePair<string, double>>();
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (string item in body[1..^1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            Match m = ScpItem().Match(item);
            if (!m.Success)
                throw new DataFormatException(path, line, "scp_codes", $"expected 'CODE': likelihood, got {EchoedValue.Quote(item)}");
            string code = m.Groups["code"].Value;
            // Python keeps the last of two equal keys; which one the authors meant is not knowable.
            if (!codes.Add(code))
                throw new DataFormatException(path, line, "scp_codes", $"SCP code {EchoedValue.Quote(code)} is listed twice in {EchoedValue.Quote(text)}");
            result.Add(new(code, double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture)));
        }
        return result;
    }

    private static int ParseInt(string text, string path, int line, string field) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value)
            ? value
            : throw new DataFormatException(path, line, field, $"expected an integer, got {EchoedValue.Quote(text)}");

    [GeneratedRegex(@"^'(?<code>[^']+)'\s*:\s*(?<value>[-+]?[0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?)$")]
    private static partial Regex ScpItem();

    /// <summary>Settings of a <see cref="PtbXlDatabase"/>.</summary>
    public sealed record Options
    {
        /// <summary>Default values.</summary>
        public static class Defaults
        {
            /// <summary>100 Hz (<c>filename_lr</c>), as in the ERTS paper.</summary>
            public const int SamplingRate = 100;

            /// <summary>Fold 9 validates (the PTB-XL authors' recommendation).</summary>
            public const int ValidationFold = 9;

            /// <summary>Fold 10 tests.</summary>
            public const int TestFold = 10;
        }

        /// <summary>100 (records100, <c>filename_lr</c>) or 500 (records500, <c>filename_hr</c>). Default 100.</summary>
        public int SamplingRate { get; init; } = Defaults.SamplingRate;

        /// <summary>The <c>strat_fold</c> used for validation. Default 9.</summary>
        public int ValidationFold { get; init; } = Defaults.ValidationFold;

        /// <summary>The <c>strat_fold</c> used for test. Default 10.</summary>
        public int TestFold { get; init; } = Defaults.TestFold;

        /// <summary>What signal reads verify. Default <see cref="WfdbReadOptions.Strict"/>.</summary>
        public WfdbReadOptions ReadOptions { get; init; } = WfdbReadOptions.Strict;
    }
}
