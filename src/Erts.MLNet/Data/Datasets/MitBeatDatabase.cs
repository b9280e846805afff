using Erts.MLNet.Data.Wfdb;

namespace Erts.MLNet.Data.Datasets;

/// <summary>
/// Beat examples from any database with MIT-format beat annotations (MIT-BIH Arrhythmia, INCART, MIT-BIH
/// Supraventricular, Long-Term, European ST-T): a fixed window of the chosen leads around each annotated beat,
/// labelled with its AAMI class, beat symbol or rhythm. Records are read one at a time, lazily.
/// </summary>
/// <example>
/// <code>
/// var mitdb = new MitBeatDatabase("data/mitdb");                 // MLII, 0.25 s + 0.45 s, AAMI, de Chazal split
/// foreach (EcgExample beat in mitdb.Load(DatasetSplit.Train)) { ... }
/// </code>
/// </example>
public sealed class MitBeatDatabase : IEcgDataset
{
    private readonly Options options;
    private readonly List<DataWarning> warnings = [];

    /// <summary>Opens a database folder; records come from its <c>RECORDS</c> file, else from the headers that have an annotation file.</summary>
    /// <param name="folder">Folder holding <c>.hea</c>, signal and annotation files.</param>
    /// <param name="options">Leads, window, labels, split; defaults when null.</param>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="ArgumentException">Invalid options.</exception>
    /// <exception cref="DataFormatException"><c>RECORDS</c> lists no record or names one outside the folder (absolute, with '..', or through a symbolic link leading out), or, without it, no header has an annotation file.</exception>
    public MitBeatDatabase(string folder, Options? options = null)
    {
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"beat database folder '{folder}' does not exist");
        this.options = options ?? new Options();
        if (this.options.Leads.Count == 0) throw new ArgumentException("at least one lead is required", nameof(Options.Leads));
        if (string.IsNullOrWhiteSpace(this.options.Annotator) || this.options.Annotator.IndexOfAny(['/', '\\', '\0']) >= 0 || this.options.Annotator.Contains(".."))
            throw new ArgumentException($"an annotator is a file extension such as 'atr', got '{this.options.Annotator}'", nameof(Options.Annotator));
        Folder = folder;
        Records = ListRecords(folder, this.options.Annotator, warnings);
    }

    /// <summary>The database folder.</summary>
    public string Folder { get; }

    /// <summary>Record names, in <c>RECORDS</c> order (or sorted by name when there is no <c>RECORDS</c> file), each once.</summary>
    public IReadOnlyList<string> Records { get; }

    /// <summary>Record names listed more than once in <c>RECORDS</c> (each read once), one warning per repetition.</summary>
    public IReadOnlyList<DataWarning> Warnings => warnings;

    /// <summary>
    /// The annotated beats of a split, without reading any signal: every beat whose symbol has an AAMI class,
    /// in records not excluded by <see cref="Options.ExcludedRecords"/> or the split.
    /// </summary>
    /// <param name="split">Which part; <see cref="DatasetSplit.All"/> ignores the split.</param>
    /// <exception cref="WfdbFormatException">An annotation file is missing or malformed.</exception>
    public IEnumerable<MitBeat> EnumerateBeats(DatasetSplit split = DatasetSplit.All) =>
        Records.Where(r => !options.ExcludedRecords.Contains(r)).SelectMany(r => BeatsOf(r, split));

    /// <summary>
    /// Beat examples: for each beat of <see cref="EnumerateBeats"/>, the window [R - before, R + after) of the
    /// chosen leads in mV, and (unless <see cref="Options.RhythmFeatures"/> is off) its RR context as
    /// <see cref="EcgExample.Rhythm"/> (<see cref="BeatRhythm"/>). Records lacking a chosen lead are skipped (MIT-BIH
    /// 102 and 104 have no MLII), as are beats whose window leaves the record. Each record is decoded once, when reached.
    /// </summary>
    /// <param name="split">Which part.</param>
    /// <exception cref="WfdbFormatException">A record's files are missing or malformed.</exception>
    public IEnumerable<EcgExample> Load(DatasetSplit split = DatasetSplit.All)
    {
        foreach (string name in Records)
        {
            if (options.ExcludedRecords.Contains(name)) continue;
            List<MitBeat> beats = BeatsOf(name, split).Where(b => LabelOf(b) != null).ToList();
            if (beats.Count == 0) continue;
            WfdbRecord record = WfdbRecord.Open(Path.Combine(Folder, name), options.ReadOptions);
            int[]? leads = RecordSignals.Resolve(record, options.Leads);
            if (leads is null) continue;
            int before = options.WindowBefore.ToSamples(record.SamplingFrequency);
            int length = before + options.WindowAfter.ToSamples(record.SamplingFrequency);
            int recordLength = RecordSignals.WholeLength(record, leads.Length);
            float[] signal = RecordSignals.ReadMillivolts(record, leads, 0, recordLength);
            string[] leadNames = RecordSignals.Names(record, leads);
            Dictionary<long, FeatureVector>? rhythm = options.RhythmFeatures ? RhythmOf(name, record.SamplingFrequency) : null;
            foreach (MitBeat beat in beats)
            {
                long start = beat.Sample - before;
                if (start < 0 || start + length > recordLength) continue;
                var window = new float[leads.Length * length];
                for (int lead = 0; lead < leads.Length; lead++)
                    signal.AsSpan(lead * recordLength + (int)start, length).CopyTo(window.AsSpan(lead * length));
                yield return new EcgExample($"{name}/{beat.Sample}", beat.PatientId, window, leads.Length,
                    (float)record.SamplingFrequency, LabelOf(beat)!, leadNames) { Rhythm = rhythm?[beat.Sample] };
            }
        }
    }

    private IEnumerable<MitBeat> BeatsOf(string name, DatasetSplit split)
    {
        IReadOnlyList<WfdbAnnotation> annotations = WfdbAnnotations.Read(Path.Combine(Folder, name), options.Annotator);
        var beats = new List<(WfdbAnnotation Annotation, string Aami, string? Rhythm)>();
        string? rhythm = null;
        foreach (WfdbAnnotation a in annotations)
        {
            if (a.Code == WfdbAnnotationCodes.Rhythm && a.Aux is { Length: > 0 } aux) rhythm = aux.TrimStart('(').TrimEnd('\0', ' ');
            else if (AamiBeatClasses.Of(a.Symbol) is { } aami) beats.Add((a, aami, rhythm));
        }
        DatasetSplit[]? splits = options.Split.Assign(name, beats.Select(b => b.Aami).ToArray());
        if (splits is null && split != DatasetSplit.All) yield break;
        string patient = options.SameSubject.GetValueOrDefault(name, name);
        for (int i = 0; i < beats.Count; i++)
        {
            DatasetSplit beatSplit = splits?[i] ?? DatasetSplit.All;
            if (split != DatasetSplit.All && beatSplit != split) continue;
            var (a, aami, r) = beats[i];
            yield return new MitBeat(name, patient, a.Sample, a.Symbol, aami, r, beatSplit);
        }
    }

    // Every beat annotation of the record counts (WFDB isqrs, whatever its class or split): a beat left out of the
    // examples still ends its neighbour's RR interval. The R positions are the reference annotations', as is usual in
    // beat-classification studies; a deployed classifier would take them from a QRS detector.
    private Dictionary<long, FeatureVector> RhythmOf(string name, double samplingFrequency)
    {
        string path = Path.Combine(Folder, name);
        long[] samples = WfdbAnnotations.Read(path, options.Annotator).Where(a => a.IsBeat).Select(a => a.Sample).ToArray();
        float[][] values;
        try
        {
            values = BeatRhythm.Compute(samples, samplingFrequency);
        }
        catch (ArgumentException e)
        {
            throw new WfdbFormatException(path + "." + options.Annotator, null, null, "rhythm features need beat annotations in strictly increasing time: " + e.Message, e);
        }
        var bySample = new Dictionary<long, FeatureVector>(samples.Length);
        for (int i = 0; i < samples.Length; i++) bySample[samples[i]] = new FeatureVector(BeatRhythm.SlotNames, values[i]);
        return bySample;
    }

    private string? LabelOf(MitBeat beat) => options.Label switch
    {
        BeatLabel.Aami => beat.AamiClass,
        BeatLabel.Symbol => beat.Symbol,
        _ => beat.Rhythm,
    };

    private static IReadOnlyList<string> ListRecords(string folder, string annotator, List<DataWarning> warnings)
    {
        string list = Path.Combine(folder, "RECORDS");
        IReadOnlyList<(string Name, string Source, int? Line)> names = File.Exists(list)
            ? RecordList.Read(list, warnings)
            : Directory.EnumerateFiles(folder, "*.hea")
                .Select(p => (Name: Path.GetFileNameWithoutExtension(p), Source: p, Line: (int?)null))
                .Where(n => File.Exists(Path.Combine(folder, n.Name + "." + annotator)))
                .OrderBy(n => n.Name, StringComparer.Ordinal).ToArray();
        if (names.Count == 0)
            throw new DataFormatException(folder, null, null, $"holds no RECORDS file and no .hea header with a .{EchoedValue.Cap(annotator)} annotation file");
        var records = new List<string>();
        foreach (var (name, source, line) in names)
        {
            // The header and the annotation file a name leads to stay in the folder (WfdbRecord checks the signal files).
            foreach (string file in (string[])[name + ".hea", name + "." + annotator])
                DatasetFiles.Resolve(folder, file, problem => new DataFormatException(source, line, "record", problem));
            records.Add(name);
        }
        return records;
    }

    /// <summary>Settings of a <see cref="MitBeatDatabase"/>.</summary>
    public sealed record Options
    {
        /// <summary>Default values.</summary>
        public static class Defaults
        {
            /// <summary>"atr", the reference annotations of PhysioNet databases.</summary>
            public const string Annotator = "atr";

            /// <summary>0.25 s before the R peak (90 samples at 360 Hz).</summary>
            public static readonly SignalDuration WindowBefore = SignalDuration.FromSeconds(0.25);

            /// <summary>0.45 s after the R peak (162 samples at 360 Hz).</summary>
            public static readonly SignalDuration WindowAfter = SignalDuration.FromSeconds(0.45);

            /// <summary>MLII, the lead of the usual MIT-BIH protocols.</summary>
            public static readonly IReadOnlyList<string> Leads = ["MLII"];

            /// <summary>MIT-BIH Arrhythmia: records 201 and 202 are the same subject.</summary>
            public static readonly IReadOnlyDictionary<string, string> SameSubject = new Dictionary<string, string> { ["202"] = "201" };
        }

        /// <summary>Annotator, i.e. the annotation file extension. Default "atr".</summary>
        public string Annotator { get; init; } = Defaults.Annotator;

        /// <summary>Leads to extract, by signal name (case-insensitive), in this order; records lacking one are skipped. Default ["MLII"].</summary>
        public IReadOnlyList<string> Leads { get; init; } = Defaults.Leads;

        /// <summary>Window before the R peak, in seconds or samples. Default 0.25 s.</summary>
        public SignalDuration WindowBefore { get; init; } = Defaults.WindowBefore;

        /// <summary>Window from the R peak on, in seconds or samples. Default 0.45 s.</summary>
        public SignalDuration WindowAfter { get; init; } = Defaults.WindowAfter;

        /// <summary>What the label is. Default <see cref="BeatLabel.Aami"/>.</summary>
        public BeatLabel Label { get; init; } = BeatLabel.Aami;

        /// <summary>How beats are divided. Default <see cref="BeatSplit.DeChazal2004"/> (names of MIT-BIH Arrhythmia records).</summary>
        public BeatSplit Split { get; init; } = BeatSplit.DeChazal2004;

        /// <summary>Records never used, whatever the split. Default none.</summary>
        public IReadOnlySet<string> ExcludedRecords { get; init; } = new HashSet<string>();

        /// <summary>Records that share a subject: record name to the patient id to use. Default MIT-BIH's 202 → 201; other records are their own patient.</summary>
        public IReadOnlyDictionary<string, string> SameSubject { get; init; } = Defaults.SameSubject;

        /// <summary>
        /// Whether each example carries its beat's RR context (<see cref="EcgExample.Rhythm"/>, the view's
        /// <c>Rhythm</c> column; slots <see cref="BeatRhythm.SlotNames"/>), computed from the annotation file's beat
        /// positions. Default true: it costs one pass over the annotations and seven values per beat.
        /// </summary>
        public bool RhythmFeatures { get; init; } = true;

        /// <summary>What signal reads verify. Default <see cref="WfdbReadOptions.Strict"/>.</summary>
        public WfdbReadOptions ReadOptions { get; init; } = WfdbReadOptions.Strict;
    }
}
