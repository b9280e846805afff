using System.Globalization;
using System.Text.RegularExpressions;

namespace Erts.MLNet.Data.Wfdb;

/// <summary>
/// A parsed WFDB header (<c>.hea</c>) of a single-segment record: the record line, one line per signal, and the
/// <c>#</c> comment lines. Accepts CRLF and LF line endings.
/// </summary>
/// <remarks>
/// Multi-segment records (record name <c>name/segments</c>) and signals stored with several samples per frame or a
/// skew are rejected with a <see cref="WfdbFormatException"/> naming the line and field.
/// </remarks>
public sealed partial class WfdbHeader
{
    /// <summary>Sampling frequency WFDB assumes when the header omits it (WFDB <c>DEFFREQ</c>).</summary>
    public const double DefaultSamplingFrequency = 250;

    /// <summary>ADC gain WFDB assumes when the header writes none or 0 (WFDB <c>DEFGAIN</c>).</summary>
    public const double DefaultAdcGain = 200;

    private WfdbHeader(string filePath, string recordName, double samplingFrequency, long? sampleCount,
        string? baseTime, string? baseDate, IReadOnlyList<WfdbSignalInfo> signals, IReadOnlyList<string> comments)
    {
        FilePath = filePath;
        RecordName = recordName;
        SamplingFrequency = samplingFrequency;
        SampleCount = sampleCount;
        BaseTime = baseTime;
        BaseDate = baseDate;
        Signals = signals;
        Comments = comments;
    }

    /// <summary>The header file this was read from (or the name given to <see cref="Parse"/>).</summary>
    public string FilePath { get; }

    /// <summary>Record name (WFDB <c>record_name</c>), e.g. "100".</summary>
    public string RecordName { get; }

    /// <summary>Samples per second per signal (WFDB <c>fs</c>); 250 when the header omits it.</summary>
    public double SamplingFrequency { get; }

    /// <summary>Samples per signal (WFDB <c>sig_len</c>), or null when the header omits it (then the file size decides).</summary>
    public long? SampleCount { get; }

    /// <summary>Time of day of sample 0 as written (WFDB <c>base_time</c>), or null.</summary>
    public string? BaseTime { get; }

    /// <summary>Date of sample 0 as written (WFDB <c>base_date</c>), or null.</summary>
    public string? BaseDate { get; }

    /// <summary>The signal lines, in order (WFDB <c>n_sig</c> of them).</summary>
    public IReadOnlyList<WfdbSignalInfo> Signals { get; }

    /// <summary>Comment lines without the leading <c>#</c> and surrounding blanks, e.g. "Dx: 426783006,164889003".</summary>
    public IReadOnlyList<string> Comments { get; }

    /// <summary>
    /// Largest header file read, in bytes: 32 MiB. Real headers are a few kB; this still holds some 500,000 signal
    /// lines, and stops a huge or endless file (<c>/dev/zero</c> renamed) before it is read into memory.
    /// </summary>
    public const long MaxFileBytes = 32L << 20;

    /// <summary>Reads and parses a header file.</summary>
    /// <param name="path">Path of the <c>.hea</c> file.</param>
    /// <exception cref="WfdbFormatException">
    /// The file is missing, is not a regular file (a FIFO, device or directory), is larger than <see cref="MaxFileBytes"/>,
    /// or breaks the format.
    /// </exception>
    public static WfdbHeader Read(string path) =>
        Parse(DatasetFiles.ReadAllText(path, MaxFileBytes, problem => new WfdbFormatException(path, null, null, "header file " + problem)), path);

    /// <summary>Parses header text.</summary>
    /// <param name="text">The header's content, CRLF or LF line endings.</param>
    /// <param name="filePath">The file name used in error messages and to locate signal files.</param>
    /// <exception cref="WfdbFormatException">The text breaks the format.</exception>
    public static WfdbHeader Parse(string text, string filePath)
    {
        var comments = new List<string>();
        var content = new List<(int Line, string Text)>();
        string[] lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].TrimEnd('\r').Trim();
            if (line.Length == 0) continue;
            if (line[0] == '#') comments.Add(line[1..].Trim());
            else content.Add((i + 1, line));
        }
        if (content.Count == 0) throw new WfdbFormatException(filePath, null, "record line", "header has no record line");

        var (recordLine, recordText) = content[0];
        string[] fields = SplitFields(recordText);
        string recordName = fields[0];
        if (recordName.Contains('/'))
            throw new WfdbFormatException(filePath, recordLine, "record_name",
                $"multi-segment records are not supported, got {EchoedValue.Quote(recordName)} (name/segments)");
        if (fields.Length < 2)
            throw new WfdbFormatException(filePath, recordLine, "n_sig", "record line must give the number of signals");
        int signalCount = ParseInt(fields[1], filePath, recordLine, "n_sig", min: 0);
        double fs = fields.Length > 2 ? ParseSamplingFrequency(fields[2], filePath, recordLine) : DefaultSamplingFrequency;
        long? sampleCount = fields.Length > 3 ? ParseLong(fields[3], filePath, recordLine, "sig_len") : null;
        string? baseTime = fields.Length > 4 ? fields[4] : null;
        string? baseDate = fields.Length > 5 ? fields[5] : null;

        if (content.Count - 1 < signalCount)
            throw new WfdbFormatException(filePath, recordLine, "n_sig",
                $"record line announces {signalCount} signals but the header has {content.Count - 1} signal lines");
        var signals = new WfdbSignalInfo[signalCount];
        for (int s = 0; s < signalCount; s++)
            signals[s] = ParseSignalLine(content[s + 1].Text, filePath, content[s + 1].Line);
        if (content.Count - 1 > signalCount)
            throw new WfdbFormatException(filePath, content[signalCount + 1].Line, "n_sig",
                $"record line announces {signalCount} signals but more lines follow: {EchoedValue.Quote(content[signalCount + 1].Text)}");

        return new WfdbHeader(filePath, recordName, fs, sampleCount, baseTime, baseDate, signals, comments);
    }

    /// <summary>Index of the signal with this name (<see cref="WfdbSignalInfo.Description"/>, case-insensitive), or -1.</summary>
    /// <param name="signalName">Signal name, e.g. "MLII".</param>
    public int IndexOf(string signalName)
    {
        for (int i = 0; i < Signals.Count; i++)
            if (string.Equals(Signals[i].Description, signalName, StringComparison.OrdinalIgnoreCase)) return i;
        return -1;
    }

    private static WfdbSignalInfo ParseSignalLine(string text, string filePath, int line)
    {
        // Up to 8 space-separated fields, then the description, which may itself contain spaces.
        string[] fields = SplitFields(text, maxFields: 9);
        string fileName = fields[0];
        if (fileName == "~")
            throw new WfdbFormatException(filePath, line, "file_name", "null signal files ('~') are not supported");
        if (fields.Length < 2) throw new WfdbFormatException(filePath, line, "fmt", "signal line must give a format");

        Match fmt = FormatField().Match(fields[1]);
        if (!fmt.Success)
            throw new WfdbFormatException(filePath, line, "fmt", $"expected 'format[xframes][:skew][+offset]', got {EchoedValue.Quote(fields[1])}");
        // The regex admits any run of digits; one beyond int or long range is malformed, not an overflow.
        WfdbSignalFormat? format = int.TryParse(fmt.Groups["code"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out int code)
            ? WfdbSignalFormat.Find(code)
            : null;
        if (format is null)
            throw new WfdbFormatException(filePath, line, "fmt",
                $"unknown or unsupported signal format {fmt.Groups["code"].Value}; supported: {string.Join(", ", WfdbSignalFormat.SupportedCodes)}");
        if (fmt.Groups["spf"].Success && fmt.Groups["spf"].Value != "1")
            throw new WfdbFormatException(filePath, line, "samps_per_frame",
                $"multi-frequency records (several samples per frame) are not supported, got {EchoedValue.Quote(fields[1])}");
        if (fmt.Groups["skew"].Success && fmt.Groups["skew"].Value != "0")
            throw new WfdbFormatException(filePath, line, "skew", $"skewed signals are not supported, got {EchoedValue.Quote(fields[1])}");
        long byteOffset = fmt.Groups["offset"].Success ? ParseLong(fmt.Groups["offset"].Value, filePath, line, "byte_offset") : 0;

        double gain = DefaultAdcGain;
        int? baseline = null;
        string units = "mV";
        if (fields.Length > 2)
        {
            Match g = GainField().Match(fields[2]);
            if (!g.Success)
                throw new WfdbFormatException(filePath, line, "adc_gain", $"expected 'gain[(baseline)][/units]', got {EchoedValue.Quote(fields[2])}");
            gain = ParseDouble(g.Groups["gain"].Value, filePath, line, "adc_gain");
            if (gain < 0) throw new WfdbFormatException(filePath, line, "adc_gain", $"must not be negative, got {EchoedValue.Quote(fields[2])}");
            if (gain == 0) gain = DefaultAdcGain; // WFDB: "adc_gain 0 means 200".
            if (g.Groups["baseline"].Success) baseline = ParseInt(g.Groups["baseline"].Value, filePath, line, "baseline");
            if (g.Groups["units"].Success) units = g.Groups["units"].Value;
        }
        int resolution = fields.Length > 3 ? ParseInt(fields[3], filePath, line, "adc_res", min: 0) : 0;
        if (resolution == 0) resolution = format.DefaultResolution;
        int adcZero = fields.Length > 4 ? ParseInt(fields[4], filePath, line, "adc_zero") : 0;
        int? initialValue = fields.Length > 5 ? ParseInt(fields[5], filePath, line, "init_value") : null;
        int? checksum = fields.Length > 6 ? ParseInt(fields[6], filePath, line, "checksum") : null;
        if (fields.Length > 7) ParseInt(fields[7], filePath, line, "block_size", min: 0);
        string description = fields.Length > 8 ? fields[8] : "";

        return new WfdbSignalInfo
        {
            FileName = fileName,
            Format = format,
            ByteOffset = byteOffset,
            AdcGain = gain,
            Baseline = baseline ?? adcZero, // WFDB: an omitted baseline equals adc_zero.
            Units = units,
            AdcResolution = resolution,
            AdcZero = adcZero,
            InitialValue = initialValue,
            Checksum = checksum,
            Description = description,
            HeaderLine = line,
        };
    }

    private static double ParseSamplingFrequency(string field, string filePath, int line)
    {
        // "fs[/counter_freq[(base_counter)]]": only fs matters for reading samples.
        string fs = field.Split('/')[0];
        double value = ParseDouble(fs, filePath, line, "fs");
        if (!(value > 0)) throw new WfdbFormatException(filePath, line, "fs", $"sampling frequency must be positive, got {EchoedValue.Quote(field)}");
        // Views and examples keep the rate as a float: 1e-300 would become 0 Hz there, far from this file's name.
        if (!float.IsFinite((float)value) || (float)value == 0)
            throw new WfdbFormatException(filePath, line, "fs", $"sampling frequency must be between {float.Epsilon} and {float.MaxValue} Hz, got {EchoedValue.Quote(field)}");
        return value;
    }

    private static string[] SplitFields(string text, int maxFields = int.MaxValue)
    {
        var fields = new List<string>();
        int i = 0;
        while (i < text.Length && fields.Count < maxFields - 1)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            int start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i])) i++;
            if (i > start) fields.Add(text[start..i]);
        }
        string rest = i < text.Length ? text[i..].Trim() : "";
        if (rest.Length > 0) fields.Add(rest);
        return fields.ToArray();
    }

    private static int ParseInt(string text, string filePath, int line, string field, int min = int.MinValue)
    {
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value) || value < min)
            throw new WfdbFormatException(filePath, line, field,
                min == int.MinValue ? $"expected an integer, got {EchoedValue.Quote(text)}" : $"expected an integer >= {min}, got {EchoedValue.Quote(text)}");
        return value;
    }

    private static long ParseLong(string text, string filePath, int line, string field)
    {
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long value))
            throw new WfdbFormatException(filePath, line, field, $"expected a non-negative integer, got {EchoedValue.Quote(text)}");
        return value;
    }

    private static double ParseDouble(string text, string filePath, int line, string field)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
            throw new WfdbFormatException(filePath, line, field, $"expected a number, got {EchoedValue.Quote(text)}");
        return value;
    }

    [GeneratedRegex(@"^(?<code>\d+)(?:x(?<spf>\d+))?(?::(?<skew>\d+))?(?:\+(?<offset>\d+))?$")]
    private static partial Regex FormatField();

    [GeneratedRegex(@"^(?<gain>[-+0-9.eE]+)(?:\((?<baseline>-?\d+)\))?(?:/(?<units>\S+))?$")]
    private static partial Regex GainField();
}
