using System.Globalization;
using Erts.MLNet.Data.DataViews;
using Erts.MLNet.Data.Wfdb;

namespace Erts.MLNet.Data.Datasets;

/// <summary>
/// A set in the PhysioNet/CinC Challenge 2020 layout (CPSC 2018, Georgia 12-lead, ...): WFDB records whose
/// headers carry the diagnoses as a <c>#Dx: code,code</c> comment of SNOMED CT codes, mapped to the 8 classes of
/// <see cref="Cinc2020Classes"/>; 12 leads cropped or zero-padded to a fixed length, or whole; seeded stratified split.
/// </summary>
/// <remarks>
/// Whole records (CPSC 2018 holds 6-60 s): with <see cref="Options.Length"/> null each example is its record, unpadded,
/// and <see cref="SignalShape"/> is a view of whole records up to <see cref="Options.MaximumLength"/> (by default the
/// longest record of the dataset, from the headers), so <c>mlContext.Data.LoadEcg(database, split)</c> gives rows
/// zero-padded at the end with each record's length in <c>SignalLength</c>. Every split gets the same shape.
/// </remarks>
public sealed class Cinc2020Database : IEcgDataset
{
    private readonly Options options;
    private readonly List<DataWarning> warnings = [];
    private readonly Lazy<EcgSignalShape> shape;

    /// <summary>Reads every header of the folder (from <c>RECORDS</c>, else all <c>*.hea</c>) and assigns splits.</summary>
    /// <param name="folder">Folder of <c>.hea</c> and <c>.mat</c> (or <c>.dat</c>) files.</param>
    /// <param name="options">Length and split; defaults when null.</param>
    /// <exception cref="WfdbFormatException">A header is malformed, or lacks a <c>#Dx</c> line, or has a code that is not a number.</exception>
    /// <exception cref="DataFormatException"><c>RECORDS</c> lists no record or names one outside the folder (absolute, with '..', or through a symbolic link leading out), or, without it, the folder holds no header.</exception>
    /// <exception cref="ArgumentException"><see cref="Options.Length"/> or <see cref="Options.MaximumLength"/> is not positive, or both are set.</exception>
    public Cinc2020Database(string folder, Options? options = null)
    {
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"dataset folder '{folder}' does not exist");
        this.options = options ?? new Options();
        WholeRecordLengths.Check(this.options.Length, this.options.MaximumLength);
        Folder = folder;
        string list = Path.Combine(folder, "RECORDS");
        // Each name with the place that gave it, for errors: the RECORDS line, else the header found in the folder.
        IReadOnlyList<(string Name, string Source, int? Line)> names = File.Exists(list)
            ? RecordList.Read(list, warnings)
            : Directory.EnumerateFiles(folder, "*.hea").Select(p => (Path.GetFileNameWithoutExtension(p), p, (int?)null)).OrderBy(n => n.Item1, StringComparer.Ordinal).ToArray();
        if (names.Count == 0) throw new DataFormatException(folder, null, null, "holds no RECORDS file and no .hea header");
        var labelled = names.Select(n => (n.Name, Cinc2020Classes.Of(DiagnosisCodes(WfdbHeader.Read(
            DatasetFiles.Resolve(folder, n.Name + ".hea", problem => new DataFormatException(n.Source, n.Line, "record", problem))))))).ToArray();
        Records = FixedLengthRecordReader.Stratify(labelled, this.options.Fractions, this.options.Seed);
        shape = new Lazy<EcgSignalShape>(() => WholeRecordLengths.Shape(Folder, Records, this.options.Length, this.options.MaximumLength));
    }

    /// <summary>The dataset folder.</summary>
    public string Folder { get; }

    /// <summary>Every record with its class and split, each once.</summary>
    public IReadOnlyList<LabelledRecord> Records { get; }

    /// <summary>Record names listed more than once in <c>RECORDS</c> (each read once), one warning per repetition.</summary>
    public IReadOnlyList<DataWarning> Warnings => warnings;

    /// <summary>
    /// The examples of a split (all leads, mV), read record by record: each of <see cref="Options.Length"/> samples,
    /// or, when it is null, the whole record (cropped only beyond <see cref="Options.MaximumLength"/>).
    /// </summary>
    /// <param name="split">Which part.</param>
    /// <exception cref="WfdbFormatException">A record's files are missing or malformed.</exception>
    public IEnumerable<EcgExample> Load(DatasetSplit split = DatasetSplit.All) =>
        FixedLengthRecordReader.Load(Folder, Records, split, options.Length, options.MaximumLength, options.Crop, options.ReadOptions);

    /// <summary>
    /// The shape of every split's view, from the headers: the first record's leads and rate x <see cref="Options.Length"/>
    /// samples, or, with <see cref="Options.Length"/> null, whole records up to <see cref="Options.MaximumLength"/> or
    /// the longest record (read once, then kept).
    /// </summary>
    /// <exception cref="WfdbFormatException">A header is missing or malformed.</exception>
    public EcgSignalShape SignalShape() => shape.Value;

    /// <summary>The SNOMED CT codes of a header's <c>#Dx:</c> comment, in order.</summary>
    /// <param name="header">A CinC 2020 header.</param>
    /// <exception cref="WfdbFormatException">No <c>#Dx</c> comment, or a code that is not a number.</exception>
    public static IReadOnlyList<long> DiagnosisCodes(WfdbHeader header)
    {
        string? dx = header.Comments.FirstOrDefault(c => c.StartsWith("Dx:", StringComparison.OrdinalIgnoreCase));
        if (dx is null) throw new WfdbFormatException(header.FilePath, null, "#Dx", "header has no '#Dx: code,code' comment line");
        var codes = new List<long>();
        foreach (string text in dx[3..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long code))
                throw new WfdbFormatException(header.FilePath, null, "#Dx", $"expected SNOMED CT codes (numbers), got {EchoedValue.Quote(text)}");
            codes.Add(code);
        }
        if (codes.Count == 0) throw new WfdbFormatException(header.FilePath, null, "#Dx", "the '#Dx' line lists no code");
        return codes;
    }

    /// <summary>Settings of a <see cref="Cinc2020Database"/>.</summary>
    public sealed record Options
    {
        /// <summary>Default values.</summary>
        public static class Defaults
        {
            /// <summary>5000 samples: 10 s at 500 Hz (Georgia in the ERTS paper; CPSC 2018 there uses 1000).</summary>
            public const int Length = 5000;

            /// <summary>Seed 42, as in the ERTS paper.</summary>
            public const int Seed = 42;
        }

        /// <summary>Samples per example: longer records are cropped, shorter ones zero-padded; null keeps each record whole. Default 5000.</summary>
        public int? Length { get; init; } = Defaults.Length;

        /// <summary>
        /// With <see cref="Length"/> null: samples per lead of the view (at least 1), records shorter being zero-padded
        /// and longer ones cropped (<see cref="Crop"/>) to it; null (the default) for the longest record of the dataset,
        /// so nothing is cropped. State it (e.g. 30000, 60 s) to cap a few very long records or to fix the shape across folders.
        /// </summary>
        public int? MaximumLength { get; init; }

        /// <summary>Which part of a longer record is kept. Default <see cref="CropPosition.Start"/>.</summary>
        public CropPosition Crop { get; init; } = CropPosition.Start;

        /// <summary>Train / validation / test shares of each class. Default 80 / 10 / 10.</summary>
        public SplitFractions Fractions { get; init; } = SplitFractions.Default;

        /// <summary>Seed of the stratified split. Default 42.</summary>
        public int Seed { get; init; } = Defaults.Seed;

        /// <summary>What signal reads verify. Default <see cref="WfdbReadOptions.Strict"/>.</summary>
        public WfdbReadOptions ReadOptions { get; init; } = WfdbReadOptions.Strict;
    }
}
