using Erts.MLNet.Data.Wfdb;

namespace Erts.MLNet.Data.Datasets;

/// <summary>Reads chosen leads of a WFDB record as a lead-major array in millivolts, for the loaders.</summary>
internal static class RecordSignals
{
    /// <summary>
    /// Indexes of the named leads (case-insensitive), or all signals when <paramref name="leadNames"/> is null;
    /// null when a named lead is missing.
    /// </summary>
    public static int[]? Resolve(WfdbRecord record, IReadOnlyList<string>? leadNames)
    {
        if (leadNames is null) return Enumerable.Range(0, record.Signals.Count).ToArray();
        var indexes = new int[leadNames.Count];
        for (int i = 0; i < indexes.Length; i++)
            if ((indexes[i] = record.IndexOf(leadNames[i])) < 0) return null;
        return indexes;
    }

    /// <summary>
    /// Samples per lead of a whole record, when <paramref name="leads"/> leads of it fit one array; the header's
    /// <c>sig_len</c> and <c>n_sig</c> can ask for more than that (and overflow an int).
    /// </summary>
    /// <exception cref="DataFormatException">The record is too large for one example.</exception>
    public static int WholeLength(WfdbRecord record, int leads)
    {
        CheckSize(record, leads, record.SampleCount);
        return (int)record.SampleCount;
    }

    /// <summary>Throws when <paramref name="leads"/> × <paramref name="samples"/> values do not fit one array.</summary>
    /// <exception cref="DataFormatException">They do not.</exception>
    public static void CheckSize(WfdbRecord record, int leads, long samples)
    {
        if (samples > Array.MaxLength / Math.Max(1, leads))
            throw new DataFormatException(record.Header.FilePath, null, "sig_len",
                $"{leads} signals × {samples} samples is more than one example holds ({Array.MaxLength} values); crop the record (a fixed or maximum length)");
    }

    /// <summary>Reads a window of the given signals, lead-major, converted to millivolts.</summary>
    /// <exception cref="DataFormatException">A signal's units are not a voltage, or the window does not fit one array.</exception>
    public static float[] ReadMillivolts(WfdbRecord record, int[] signals, long start, int count)
    {
        CheckSize(record, signals.Length, count);
        WfdbSignals window = record.ReadSignals(start, count, signals);
        var values = new float[signals.Length * count];
        for (int row = 0; row < signals.Length; row++)
            window.ToPhysical(row, values.AsSpan(row * count, count), MillivoltsPer(window.Signals[row], record.Header.FilePath));
        return values;
    }

    /// <summary>Lead names in the order of <paramref name="signals"/>.</summary>
    public static string[] Names(WfdbRecord record, int[] signals) => signals.Select(s => record.Signals[s].Description).ToArray();

    private static double MillivoltsPer(WfdbSignalInfo signal, string headerPath) => signal.Units switch
    {
        "mV" => 1,
        "uV" or "µV" or "μV" => 1e-3,
        "V" => 1e3,
        _ => throw new DataFormatException(headerPath, signal.HeaderLine, "units",
            $"signal {EchoedValue.Quote(signal.Description)} is in {EchoedValue.Quote(signal.Units)}, expected a voltage (mV, uV, V)"),
    };
}
