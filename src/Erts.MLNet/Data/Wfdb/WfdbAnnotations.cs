using System.Buffers.Binary;
using System.Text;

namespace Erts.MLNet.Data.Wfdb;

/// <summary>Reads WFDB annotation files in MIT format (e.g. MIT-BIH's <c>.atr</c>).</summary>
/// <remarks>
/// As WFDB's annot(5) and <c>getann</c>: the file is a stream of 16-bit little-endian words, the top 6 bits a type A,
/// the low 10 bits a value I. A word of 0 ends the file. Any other word with A in 0..58 is an annotation of code A,
/// I samples after the previous one: A = 0 with I ≠ 0 is code 0 (NOTQRS), which WFDB itself writes after a file's
/// "## time resolution" note; codes above <see cref="WfdbAnnotationCodes.MaxCode"/> are user-defined.
/// Pseudo-annotations modify the annotation they follow: SKIP (59: a 32-bit interval follows, high word first,
/// added to the time of the next annotation), NUM (60, I = num), SUB (61, I = subtyp), CHN (62, I = chan),
/// AUX (63, I bytes of text follow, padded to an even count). num and chan carry over to later annotations;
/// subtyp and aux do not. A file without the final 0 word (empty, or cut short) is refused.
/// </remarks>
public static class WfdbAnnotations
{
    // WFDB's PAMIN: every type from SKIP up is a pseudo-annotation, every type below it an annotation code.
    private const int Skip = 59, Num = 60, Sub = 61, Chn = 62, Aux = 63;

    /// <summary>
    /// Largest annotation file read, in bytes: 64 MiB, some 30 million annotations. A 24-hour Holter record's
    /// reference annotations take well under 1 MB; the bound stops a huge (or sparse) file before it is read into memory.
    /// </summary>
    public const long MaxFileBytes = 64L << 20;

    /// <summary>Reads the annotations of a record.</summary>
    /// <param name="recordPath">Path of the record without extension, e.g. "mitdb/100".</param>
    /// <param name="annotator">Annotator name, the file extension, e.g. "atr".</param>
    /// <exception cref="WfdbFormatException">
    /// The file is missing, is not a regular file, is larger than <see cref="MaxFileBytes"/>, or is truncated or malformed.
    /// </exception>
    public static IReadOnlyList<WfdbAnnotation> Read(string recordPath, string annotator)
    {
        string path = recordPath + "." + annotator;
        return Parse(DatasetFiles.ReadAllBytes(path, MaxFileBytes, problem => new WfdbFormatException(path, null, null, "annotation file " + problem)), path);
    }

    /// <summary>Decodes the bytes of an MIT-format annotation file.</summary>
    /// <param name="bytes">The file's content.</param>
    /// <param name="filePath">Name used in error messages.</param>
    /// <exception cref="WfdbFormatException">The bytes are truncated or malformed.</exception>
    public static IReadOnlyList<WfdbAnnotation> Parse(ReadOnlySpan<byte> bytes, string filePath)
    {
        var result = new List<WfdbAnnotation>();
        long time = 0;
        int channel = 0, number = 0;
        int position = 0;
        // The annotation being built: its fields arrive after its type word, a SKIP among them moves only later ones.
        bool open = false;
        long sample = 0;
        int code = 0, subtype = 0;
        string? aux = null;

        void Flush()
        {
            if (open) result.Add(new WfdbAnnotation(sample, code, subtype, channel, number, aux));
            open = false;
        }

        while (position < bytes.Length)
        {
            int word = ReadWord(bytes, ref position, filePath);
            int type = word >> 10, value = word & 0x3FF;
            switch (type)
            {
                case 0 when value == 0:
                    Flush();
                    return result;
                case < Skip:
                    Flush();
                    time += value;
                    (open, sample, code, subtype, aux) = (true, time, type, 0, null);
                    break;
                case Skip:
                    int high = ReadWord(bytes, ref position, filePath);
                    int low = ReadWord(bytes, ref position, filePath);
                    time += high << 16 | low; // PDP-11 long: high word first; may be negative.
                    break;
                case Num: RequireOpen(open, filePath, position, "NUM"); number = SignExtend10(value); break;
                case Sub: RequireOpen(open, filePath, position, "SUB"); subtype = SignExtend10(value); break;
                case Chn: RequireOpen(open, filePath, position, "CHN"); channel = value; break;
                case Aux:
                    RequireOpen(open, filePath, position, "AUX");
                    int padded = value + (value & 1);
                    if (position + padded > bytes.Length)
                        throw new WfdbFormatException(filePath, null, $"byte {position - 2}",
                            $"truncated: AUX announces {value} bytes, only {bytes.Length - position} remain");
                    aux = Encoding.Latin1.GetString(bytes.Slice(position, value)).TrimEnd('\0');
                    position += padded;
                    break;
            }
        }
        // WFDB closes every annotation file with the 0 word. A file without it was cut short, on a word boundary
        // (or is empty): how many annotations are missing cannot be known, so it is refused rather than guessed at.
        throw new WfdbFormatException(filePath, null, $"byte {bytes.Length}", bytes.Length == 0
            ? "empty: an annotation file holds at least its end-of-file word (0)"
            : $"truncated: the file ends after {bytes.Length} bytes without the end-of-file word (0)");
    }

    private static int ReadWord(ReadOnlySpan<byte> bytes, ref int position, string filePath)
    {
        if (position + 2 > bytes.Length)
            throw new WfdbFormatException(filePath, null, $"byte {position}", $"truncated: odd file length {bytes.Length} or cut inside a field");
        int word = BinaryPrimitives.ReadUInt16LittleEndian(bytes.Slice(position, 2));
        position += 2;
        return word;
    }

    private static void RequireOpen(bool open, string filePath, int position, string field)
    {
        if (!open)
            throw new WfdbFormatException(filePath, null, $"byte {position - 2}", $"{field} field with no annotation before it");
    }

    private static int SignExtend10(int value) => (value << 22) >> 22;
}
