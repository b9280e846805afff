using System.Buffers;
using Microsoft.Win32.SafeHandles;

namespace Erts.MLNet.Data.Wfdb;

/// <summary>
/// A WFDB record opened for reading: its header, and windowed access to its samples. Only the bytes of the
/// requested window are read and decoded.
/// </summary>
/// <example>
/// <code>
/// var record = WfdbRecord.Open("mitdb/100");                 // reads 100.hea, checks 100.dat's size
/// WfdbSignals window = record.ReadSignals(360 * 60, 360 * 10); // 10 s from minute 1, both signals
/// float[] millivolts = window.ToPhysical();
/// </code>
/// </example>
public sealed class WfdbRecord
{
    // Frames decoded per chunk: bounds the scratch memory for long records (24 h Holter) to a few hundred kB.
    private const int ChunkSamples = 1 << 16;

    private readonly SignalFile[] files;

    private WfdbRecord(WfdbHeader header, SignalFile[] files, long sampleCount, WfdbReadOptions options)
    {
        Header = header;
        this.files = files;
        SampleCount = sampleCount;
        Options = options;
    }

    /// <summary>The parsed header.</summary>
    public WfdbHeader Header { get; }

    /// <summary>Samples per signal: the header's <c>sig_len</c>, or derived from the signal file size when absent.</summary>
    public long SampleCount { get; }

    /// <summary>What reads verify.</summary>
    public WfdbReadOptions Options { get; }

    /// <summary>Sampling frequency in Hz (WFDB <c>fs</c>).</summary>
    public double SamplingFrequency => Header.SamplingFrequency;

    /// <summary>The record's signals (one per header signal line).</summary>
    public IReadOnlyList<WfdbSignalInfo> Signals => Header.Signals;

    /// <summary>Opens a record: parses its header and checks that every signal file exists and has the size the header implies.</summary>
    /// <param name="recordPath">Path of the record without extension (e.g. "data/mitdb/100"); a trailing ".hea" is accepted too.</param>
    /// <param name="options">What reads verify; <see cref="WfdbReadOptions.Strict"/> when null.</param>
    /// <exception cref="WfdbFormatException">Missing header or signal file, bad header, or signal file size that does not match the header.</exception>
    public static WfdbRecord Open(string recordPath, WfdbReadOptions? options = null)
    {
        string headerPath = recordPath.EndsWith(".hea", StringComparison.OrdinalIgnoreCase) ? recordPath : recordPath + ".hea";
        WfdbHeader header = WfdbHeader.Read(headerPath);
        string folder = Path.GetDirectoryName(Path.GetFullPath(headerPath))!;

        var files = new List<SignalFile>();
        foreach (var group in header.Signals.Select((s, i) => (Info: s, Index: i)).GroupBy(s => s.Info.FileName))
        {
            var first = group.First().Info;
            foreach (var (info, _) in group)
                if (info.Format != first.Format || info.ByteOffset != first.ByteOffset)
                    throw new WfdbFormatException(headerPath, info.HeaderLine, "fmt",
                        $"signals in one file must share format and byte offset: {EchoedValue.Quote(info.FileName)} has {first.Format.Code}+{first.ByteOffset} and {info.Format.Code}+{info.ByteOffset}");
            // The name comes from the header: it may only name a regular file beside it.
            string path = DatasetFiles.Resolve(folder, first.FileName,
                problem => new WfdbFormatException(headerPath, first.HeaderLine, "file_name", problem));
            DatasetFiles.RequireRegularFile(path,
                problem => new WfdbFormatException(path, null, null, $"signal file named at {headerPath}:{first.HeaderLine} {problem}"));
            files.Add(new SignalFile(path, first.Format, first.ByteOffset, group.Select(s => s.Index).ToArray(), first.HeaderLine));
        }

        long sampleCount = header.SampleCount ?? (files.Count == 0 ? 0 : files.Min(f => f.SamplesInFile()));
        foreach (SignalFile file in files)
        {
            long actual = new FileInfo(file.Path).Length;
            // sig_len, the signal count and the byte offset all come from the header: their product can pass any
            // file size (and overflow a long) long before it means anything.
            long? expected = ExpectedBytes(file, sampleCount);
            if (expected is null)
                throw new WfdbFormatException(file.Path, null, "length",
                    $"{headerPath} declares {sampleCount} samples × {file.SignalIndexes.Length} signals in format {file.Format.Code} " +
                    $"after {file.ByteOffset} bytes, more than {long.MaxValue} bytes; the file has {actual}");
            if (actual != expected)
                throw new WfdbFormatException(file.Path, null, "length",
                    $"{(actual < expected ? "truncated" : "longer than the header says")}: {headerPath} declares {sampleCount} samples × " +
                    $"{file.SignalIndexes.Length} signals in format {file.Format.Code} after {file.ByteOffset} bytes = {expected} bytes, the file has {actual}");
        }
        return new WfdbRecord(header, files.ToArray(), sampleCount, options ?? WfdbReadOptions.Strict);
    }

    /// <summary>Index of the signal with this name (case-insensitive), or -1.</summary>
    /// <param name="signalName">Signal name (WFDB <c>sig_name</c>), e.g. "MLII".</param>
    public int IndexOf(string signalName) => Header.IndexOf(signalName);

    // Bytes a signal file must have: byte offset + the bytes of sampleCount frames; null when that exceeds a long.
    private static long? ExpectedBytes(SignalFile file, long sampleCount)
    {
        try
        {
            checked
            {
                // As WfdbSignalFormat.ByteCount, written out so that every step is checked.
                long samples = sampleCount * file.SignalIndexes.Length;
                WfdbSignalFormat format = file.Format;
                long blocks = samples / format.SamplesPerBlock + (samples % format.SamplesPerBlock == 0 ? 0 : 1);
                return file.ByteOffset + blocks * format.BytesPerBlock;
            }
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    /// <summary>Reads a window of every signal.</summary>
    /// <param name="startSample">First sample (0-based), at most <see cref="SampleCount"/>.</param>
    /// <param name="count">Samples per signal; null reads to the end of the record.</param>
    /// <exception cref="ArgumentOutOfRangeException">The window leaves the record.</exception>
    /// <exception cref="WfdbFormatException">The file is shorter than expected, or a verified checksum/initial value disagrees.</exception>
    public WfdbSignals ReadSignals(long startSample = 0, int? count = null) =>
        ReadSignals(startSample, count, Enumerable.Range(0, Signals.Count).ToArray());

    /// <summary>Reads a window of chosen signals, in the order given.</summary>
    /// <param name="startSample">First sample (0-based).</param>
    /// <param name="count">Samples per signal; null reads to the end of the record.</param>
    /// <param name="signalIndexes">0-based signal indexes, e.g. from <see cref="IndexOf"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">The window leaves the record, or an index is out of range.</exception>
    /// <exception cref="WfdbFormatException">The file is shorter than expected, or a verified checksum/initial value disagrees.</exception>
    public WfdbSignals ReadSignals(long startSample, int? count, IReadOnlyList<int> signalIndexes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(startSample);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(startSample, SampleCount);
        long available = SampleCount - startSample;
        int length = count ?? (int)Math.Min(available, Array.MaxLength / Math.Max(1, signalIndexes.Count));
        ArgumentOutOfRangeException.ThrowIfNegative(length, nameof(count));
        if (length > available)
            throw new ArgumentOutOfRangeException(nameof(count), length, $"window [{startSample}, {startSample + length}) leaves the record of {SampleCount} samples");
        if ((long)signalIndexes.Count * length > Array.MaxLength)
            throw new ArgumentOutOfRangeException(nameof(count), length,
                $"{signalIndexes.Count} signals × {length} samples is more than one array holds ({Array.MaxLength} values)");
        // Output row of each signal (the first one when a signal is asked for twice), -1 when not requested: one
        // pass, so records with many signals (one lookup per signal in the request) stay linear.
        var rowOf = new int[Signals.Count];
        Array.Fill(rowOf, -1);
        for (int row = signalIndexes.Count - 1; row >= 0; row--)
        {
            int index = signalIndexes[row];
            if ((uint)index >= (uint)Signals.Count)
                throw new ArgumentOutOfRangeException(nameof(signalIndexes), index, $"record has {Signals.Count} signals");
            rowOf[index] = row;
        }

        var adc = new int[signalIndexes.Count * length];
        foreach (SignalFile file in files)
        {
            // Row in the output of each interleaved column of this file, -1 when not requested.
            int[] rows = Array.ConvertAll(file.SignalIndexes, s => rowOf[s]);
            if (rows.All(r => r < 0)) continue;
            DecodeWindow(file, startSample, length, rows, adc);
        }

        var result = new WfdbSignals(signalIndexes.Select(i => Signals[i]).ToArray(), startSample, length, adc);
        Verify(result, signalIndexes);
        return result;
    }

    /// <summary>
    /// Decodes the whole record and lists every header checksum (compared modulo 65536) and initial value that
    /// disagrees with the samples, whatever <see cref="Options"/> say. Empty when all agree.
    /// </summary>
    public IReadOnlyList<WfdbIntegrityIssue> VerifyIntegrity()
    {
        var issues = new List<WfdbIntegrityIssue>();
        var sums = new int[Signals.Count];
        int[] all = Enumerable.Range(0, Signals.Count).ToArray();
        int frames = Math.Max(1, (1 << 20) / Math.Max(1, Signals.Count));
        for (long start = 0; start < SampleCount; start += frames)
        {
            WfdbSignals part = ReadUnverified(start, (int)Math.Min(frames, SampleCount - start), all);
            for (int s = 0; s < Signals.Count; s++)
            {
                if (start == 0 && Signals[s].InitialValue is { } initial && part.Length > 0 && part.AdcOf(s)[0] != initial)
                    issues.Add(new WfdbIntegrityIssue(s, "init_value", initial, part.AdcOf(s)[0]));
                sums[s] += Sum(part.AdcOf(s));
            }
        }
        for (int s = 0; s < Signals.Count; s++)
            if (Signals[s].Checksum is { } checksum && (ushort)checksum != (ushort)sums[s])
                issues.Add(new WfdbIntegrityIssue(s, "checksum", checksum, (ushort)sums[s]));
        return issues;
    }

    private WfdbSignals ReadUnverified(long start, int count, int[] signalIndexes)
    {
        var adc = new int[signalIndexes.Length * count];
        foreach (SignalFile file in files) DecodeWindow(file, start, count, file.SignalIndexes, adc);
        return new WfdbSignals(signalIndexes.Select(i => Signals[i]).ToArray(), start, count, adc);
    }

    private void Verify(WfdbSignals read, IReadOnlyList<int> signalIndexes)
    {
        bool fromStart = read.StartSample == 0 && read.Length > 0;
        bool whole = fromStart && read.Length == SampleCount;
        for (int row = 0; row < signalIndexes.Count; row++)
        {
            WfdbSignalInfo info = read.Signals[row];
            if (Options.VerifyInitialValues && fromStart && info.InitialValue is { } initial && read.AdcOf(row)[0] != initial)
                throw new WfdbFormatException(Header.FilePath, info.HeaderLine, "init_value",
                    $"signal {signalIndexes[row]} ({EchoedValue.Quote(info.Description)}) starts with {read.AdcOf(row)[0]} but the header says {initial}");
            if (Options.VerifyChecksums && whole && info.Checksum is { } checksum && (ushort)Sum(read.AdcOf(row)) != (ushort)checksum)
                throw new WfdbFormatException(Header.FilePath, info.HeaderLine, "checksum",
                    $"signal {signalIndexes[row]} ({EchoedValue.Quote(info.Description)}) sums to {(ushort)Sum(read.AdcOf(row))} (mod 65536) but the header says {checksum}");
        }
    }

    private static void DecodeWindow(SignalFile file, long startSample, int length, int[] rows, int[] adc)
    {
        int columns = file.SignalIndexes.Length;
        WfdbSignalFormat format = file.Format;
        int framesPerChunk = Math.Max(1, ChunkSamples / columns);
        int maxSamples = framesPerChunk * columns + format.SamplesPerBlock;
        byte[] bytes = ArrayPool<byte>.Shared.Rent((int)format.ByteCount(maxSamples));
        int[] samples = ArrayPool<int>.Shared.Rent(maxSamples);
        try
        {
            using SafeFileHandle handle = File.OpenHandle(file.Path, FileMode.Open, FileAccess.Read, FileShare.Read);
            for (int done = 0; done < length; done += framesPerChunk)
            {
                int frames = Math.Min(framesPerChunk, length - done);
                // Decode from the block that holds the chunk's first sample; skip the samples before it.
                long first = (startSample + done) * columns;
                int skip = (int)(first % format.SamplesPerBlock);
                int count = skip + frames * columns;
                int byteCount = (int)format.ByteCount(count);
                long position = file.ByteOffset + (first - skip) / format.SamplesPerBlock * format.BytesPerBlock;
                ReadExactly(handle, file.Path, bytes.AsSpan(0, byteCount), position);
                format.Decode(bytes.AsSpan(0, byteCount), samples.AsSpan(0, count));
                Deinterleave(samples.AsSpan(skip, frames * columns), columns, rows, adc, length, done);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
            ArrayPool<int>.Shared.Return(samples);
        }
    }

    private static void Deinterleave(ReadOnlySpan<int> interleaved, int columns, int[] rows, int[] adc, int length, int offset)
    {
        int frames = interleaved.Length / columns;
        for (int c = 0; c < columns; c++)
        {
            if (rows[c] < 0) continue;
            Span<int> target = adc.AsSpan(rows[c] * length + offset, frames);
            if (columns == 1) { interleaved.CopyTo(target); continue; }
            for (int f = 0, k = c; f < frames; f++, k += columns) target[f] = interleaved[k];
        }
    }

    private static void ReadExactly(SafeFileHandle handle, string path, Span<byte> buffer, long position)
    {
        while (buffer.Length > 0)
        {
            int read = RandomAccess.Read(handle, buffer, position);
            if (read == 0)
                throw new WfdbFormatException(path, null, "length", $"truncated: needed {buffer.Length} more bytes at offset {position}");
            buffer = buffer[read..];
            position += read;
        }
    }

    private static int Sum(ReadOnlySpan<int> values)
    {
        int sum = 0;
        foreach (int v in values) sum = unchecked(sum + v);
        return sum;
    }

    /// <summary>One signal file and the signals interleaved in it.</summary>
    private sealed record SignalFile(string Path, WfdbSignalFormat Format, long ByteOffset, int[] SignalIndexes, int HeaderLine)
    {
        // Without sig_len: whole frames after the byte offset (none when the offset passes the end; the size check then says so).
        public long SamplesInFile() =>
            Math.Max(0, new FileInfo(Path).Length - ByteOffset) / Format.BytesPerBlock * Format.SamplesPerBlock / SignalIndexes.Length;
    }
}
