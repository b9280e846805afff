using Erts.MLNet.Data.DataViews;
using Erts.MLNet.Data.Wfdb;

namespace Erts.MLNet.Data.Datasets;

/// <summary>
/// PhysioNet/CinC Challenge 2017: single-lead 300 Hz hand-held ECGs of 9-61 s labelled N (normal), A (atrial
/// fibrillation), O (other rhythm) or ~ (too noisy) in <c>REFERENCE.csv</c>; cropped or zero-padded to a fixed
/// length, or whole; split by a seeded stratified split (the challenge publishes no patient ids, so PatientId is null).
/// </summary>
/// <remarks>
/// <para>Whole records: with <see cref="Options.Length"/> null each example is its record, unpadded, and
/// <see cref="SignalShape"/> is a view of whole records up to <see cref="Options.MaximumLength"/> (by default the
/// longest record of the dataset, found from the headers' sample counts without reading a signal), so
/// <c>mlContext.Data.LoadEcg(new Cinc2017Database(folder, new() { Length = null }), split)</c> gives rows zero-padded
/// at the end with each record's length in <c>SignalLength</c>. Every split gets the same shape.</para>
/// <para>The headers of this set carry 0 as every checksum and, in about 1 record in 20, an initial value that is not
/// the first stored sample (challenge README); reads therefore default to <see cref="WfdbReadOptions.Informative"/>.</para>
/// </remarks>
public sealed class Cinc2017Database : IEcgDataset
{
    /// <summary>The four labels.</summary>
    public static IReadOnlyList<string> Labels { get; } = ["N", "A", "O", "~"];

    private readonly Options options;
    private readonly List<DataWarning> warnings = [];
    private readonly Lazy<EcgSignalShape> shape;

    /// <summary>Reads the label file of a CinC 2017 folder and assigns splits.</summary>
    /// <param name="folder">Folder holding <c>REFERENCE.csv</c> and the <c>.hea</c>/<c>.mat</c> records.</param>
    /// <param name="options">Length, split and label file; defaults when null.</param>
    /// <exception cref="DataFormatException">
    /// The label file is missing or malformed, lists no record, has a label other than N, A, O, ~, gives one record
    /// two different labels (the message names both lines), or names a record outside the folder (absolute, with '..',
    /// or through a symbolic link leading out).
    /// </exception>
    /// <exception cref="ArgumentException"><see cref="Options.Length"/> or <see cref="Options.MaximumLength"/> is not positive, or both are set.</exception>
    public Cinc2017Database(string folder, Options? options = null)
    {
        this.options = options ?? new Options();
        WholeRecordLengths.Check(this.options.Length, this.options.MaximumLength);
        Folder = folder;
        string path = Path.Combine(folder, this.options.ReferenceFile);
        Records = FixedLengthRecordReader.Stratify(ReadLabels(folder, path, warnings), this.options.Fractions, this.options.Seed);
        shape = new Lazy<EcgSignalShape>(() => WholeRecordLengths.Shape(Folder, Records, this.options.Length, this.options.MaximumLength));
    }

    /// <summary>The dataset folder.</summary>
    public string Folder { get; }

    /// <summary>Every labelled record with its split, in the label file's order, each once.</summary>
    public IReadOnlyList<LabelledRecord> Records { get; }

    /// <summary>Records listed again with the same label (each kept once), one warning per repeated line.</summary>
    public IReadOnlyList<DataWarning> Warnings => warnings;

    /// <summary>
    /// The examples of a split (1 lead, mV, 300 Hz), read record by record: each of <see cref="Options.Length"/>
    /// samples, or, when it is null, the whole record (cropped only beyond <see cref="Options.MaximumLength"/>).
    /// </summary>
    /// <param name="split">Which part.</param>
    /// <exception cref="WfdbFormatException">A record's files are missing or malformed.</exception>
    public IEnumerable<EcgExample> Load(DatasetSplit split = DatasetSplit.All) =>
        FixedLengthRecordReader.Load(Folder, Records, split, options.Length, options.MaximumLength, options.Crop, options.ReadOptions);

    /// <summary>
    /// The shape of every split's view, from the headers: 1 lead x <see cref="Options.Length"/> samples at 300 Hz, or,
    /// with <see cref="Options.Length"/> null, whole records up to <see cref="Options.MaximumLength"/> or the longest
    /// record (read once, then kept).
    /// </summary>
    /// <exception cref="WfdbFormatException">A header is missing or malformed.</exception>
    public EcgSignalShape SignalShape() => shape.Value;

    // A record's label is given once: a repeated line with the same label is harmless and kept once (with a warning),
    // but two different labels cannot be resolved without guessing, and keeping both would put one record in two
    // classes and possibly two splits.
    private static List<(string Record, string Label)> ReadLabels(string folder, string path, List<DataWarning> warnings)
    {
        var labelled = new List<(string Record, string Label)>();
        var seen = new Dictionary<string, (string Label, int Line)>(StringComparer.Ordinal);
        foreach (CsvFile.Row row in CsvFile.Read(path))
        {
            string record = row.Fields[0].Trim();
            if (record.Length == 0) throw new DataFormatException(path, row.Line, "record", "record name is empty");
            DatasetFiles.Resolve(folder, record + ".hea", problem => new DataFormatException(path, row.Line, "record", problem));
            string label = CsvFile.Field(row, 1, "label", path).Trim();
            if (!Labels.Contains(label))
                throw new DataFormatException(path, row.Line, "label",
                    $"unknown label {EchoedValue.Quote(label)} for record {EchoedValue.Quote(record)}; expected one of N, A, O, ~");
            if (seen.TryGetValue(record, out var first))
            {
                if (first.Label != label)
                    throw new DataFormatException(path, row.Line, "label",
                        $"record {EchoedValue.Quote(record)} is labelled '{label}' here but '{first.Label}' on line {first.Line}; a record has one label");
                warnings.Add(new DataWarning(path, row.Line, "record",
                    $"record {EchoedValue.Quote(record)} is listed again with the same label '{label}' (first on line {first.Line}); kept once"));
                continue;
            }
            seen.Add(record, (label, row.Line));
            labelled.Add((record, label));
        }
        if (labelled.Count == 0) throw new DataFormatException(path, null, null, "lists no record; expected 'record,label' lines");
        return labelled;
    }

    /// <summary>Settings of a <see cref="Cinc2017Database"/>.</summary>
    public sealed record Options
    {
        /// <summary>Default values.</summary>
        public static class Defaults
        {
            /// <summary>9000 samples: 30 s at 300 Hz (the median record is 30 s).</summary>
            public const int Length = 9000;

            /// <summary>Seed 42.</summary>
            public const int Seed = 42;

            /// <summary>The updated labels (same distribution as PhysioNet's REFERENCE-v3).</summary>
            public const string ReferenceFile = "REFERENCE.csv";
        }

        /// <summary>Samples per example: longer records are cropped, shorter ones zero-padded; null keeps each record whole. Default 9000.</summary>
        public int? Length { get; init; } = Defaults.Length;

        /// <summary>
        /// With <see cref="Length"/> null: samples per lead of the view (at least 1), records shorter being zero-padded
        /// and longer ones cropped (<see cref="Crop"/>) to it; null (the default) for the longest record of the dataset,
        /// so nothing is cropped. State it (e.g. 18300, 61 s) for the same shape across folders or subsets.
        /// </summary>
        public int? MaximumLength { get; init; }

        /// <summary>Which part of a longer record is kept. Default <see cref="CropPosition.Start"/>.</summary>
        public CropPosition Crop { get; init; } = CropPosition.Start;

        /// <summary>Train / validation / test shares of each label. Default 80 / 10 / 10.</summary>
        public SplitFractions Fractions { get; init; } = SplitFractions.Default;

        /// <summary>Seed of the stratified split. Default 42.</summary>
        public int Seed { get; init; } = Defaults.Seed;

        /// <summary>Label file name in the folder (<c>record,label</c> rows, no header). Default "REFERENCE.csv".</summary>
        public string ReferenceFile { get; init; } = Defaults.ReferenceFile;

        /// <summary>What signal reads verify. Default <see cref="WfdbReadOptions.Informative"/> (see the class remarks).</summary>
        public WfdbReadOptions ReadOptions { get; init; } = WfdbReadOptions.Informative;
    }
}
