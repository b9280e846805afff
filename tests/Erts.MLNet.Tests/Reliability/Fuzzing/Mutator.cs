using System.Text;

namespace Erts.MLNet.Tests.Reliability.Fuzzing;

/// <summary>
/// Seeded mutations of valid input files, the kinds of damage real files suffer: bit flips, truncation, lines
/// duplicated, deleted or swapped, fields replaced by extreme numbers, bytes inserted or removed.
/// </summary>
internal sealed class Mutator(int seed)
{
    // Numbers that break naive parsers: zero, signs, the edges of int and long, beyond long, exponents, not-numbers.
    private static readonly string[] ExtremeNumbers =
    [
        "0", "-1", "1", "-0", "2147483647", "2147483648", "-2147483648", "-2147483649", "9223372036854775807",
        "9223372036854775808", "99999999999999999999999", "1e308", "1e309", "-1e309", "NaN", "Infinity", "0.5", "1e-320",
        "65535", "65536", "4294967296", "16+9223372036854775807", "212x2", "16:3", "0/mV", "-200(0)/mV", "1(99999999999)",
    ];

    private static readonly ushort[] ExtremeWords = [0x0000, 0xFFFF, 0x8000, 0x7FFF, 59 << 10, 60 << 10 | 0x3FF, 61 << 10 | 0x200, 62 << 10, 63 << 10 | 0x3FF, 63 << 10 | 1, 49 << 10 | 0x3FF, 50 << 10];

    private readonly Random _random = new(seed);

    /// <summary>One to three text mutations of <paramref name="text"/>, decoded as a reader decodes a file (UTF-8).</summary>
    public string MutateText(string text)
    {
        int count = 1 + _random.Next(3);
        for (int i = 0; i < count; i++)
        {
            text = _random.Next(7) switch
            {
                0 => Encoding.UTF8.GetString(FlipBit(Encoding.UTF8.GetBytes(text))),
                1 => text[.._random.Next(text.Length + 1)],
                2 => EditLines(text, duplicate: true),
                3 => EditLines(text, duplicate: false),
                4 => SwapLines(text),
                5 => ReplaceField(text),
                _ => text.Insert(_random.Next(text.Length + 1), RandomText()),
            };
        }
        return text;
    }

    /// <summary>One to three byte mutations of <paramref name="bytes"/> (a copy is returned).</summary>
    public byte[] MutateBytes(byte[] bytes)
    {
        int count = 1 + _random.Next(3);
        for (int i = 0; i < count; i++)
        {
            bytes = _random.Next(6) switch
            {
                0 => FlipBit(bytes),
                1 => bytes[.._random.Next(bytes.Length + 1)],
                2 => OverwriteWord(bytes),
                3 => DuplicateSlice(bytes),
                4 => DeleteSlice(bytes),
                _ => InsertRandomBytes(bytes),
            };
        }
        return bytes;
    }

    private byte[] FlipBit(byte[] bytes)
    {
        if (bytes.Length == 0) return bytes;
        var copy = (byte[])bytes.Clone();
        copy[_random.Next(copy.Length)] ^= (byte)(1 << _random.Next(8));
        return copy;
    }

    private byte[] OverwriteWord(byte[] bytes)
    {
        if (bytes.Length < 2) return bytes;
        var copy = (byte[])bytes.Clone();
        int at = _random.Next(copy.Length / 2) * 2; // word-aligned, as annotation words are
        ushort word = _random.Next(2) == 0 ? ExtremeWords[_random.Next(ExtremeWords.Length)] : (ushort)_random.Next(65536);
        copy[at] = (byte)word;
        copy[at + 1] = (byte)(word >> 8);
        return copy;
    }

    private byte[] DuplicateSlice(byte[] bytes)
    {
        var (start, length) = Slice(bytes.Length);
        int at = _random.Next(bytes.Length + 1);
        return [.. bytes[..at], .. bytes.AsSpan(start, length), .. bytes[at..]];
    }

    private byte[] DeleteSlice(byte[] bytes)
    {
        var (start, length) = Slice(bytes.Length);
        return [.. bytes[..start], .. bytes[(start + length)..]];
    }

    private byte[] InsertRandomBytes(byte[] bytes)
    {
        var inserted = new byte[1 + _random.Next(8)];
        _random.NextBytes(inserted);
        int at = _random.Next(bytes.Length + 1);
        return [.. bytes[..at], .. inserted, .. bytes[at..]];
    }

    private (int Start, int Length) Slice(int total)
    {
        int start = _random.Next(total + 1);
        return (start, _random.Next(Math.Min(64, total - start) + 1));
    }

    private string EditLines(string text, bool duplicate)
    {
        var lines = text.Split('\n').ToList();
        int at = _random.Next(lines.Count);
        if (duplicate) lines.Insert(at, lines[at]);
        else lines.RemoveAt(at);
        return string.Join('\n', lines);
    }

    private string SwapLines(string text)
    {
        var lines = text.Split('\n');
        int a = _random.Next(lines.Length), b = _random.Next(lines.Length);
        (lines[a], lines[b]) = (lines[b], lines[a]);
        return string.Join('\n', lines);
    }

    // A whitespace- or comma-delimited field of a random line becomes an extreme number.
    private string ReplaceField(string text)
    {
        var lines = text.Split('\n');
        int line = _random.Next(lines.Length);
        char separator = lines[line].Contains(',') ? ',' : ' ';
        var fields = lines[line].Split(separator);
        fields[_random.Next(fields.Length)] = ExtremeNumbers[_random.Next(ExtremeNumbers.Length)];
        lines[line] = string.Join(separator, fields);
        return string.Join('\n', lines);
    }

    private string RandomText()
    {
        const string alphabet = "0123456789 -+./,:x()#\"'{}\r\n\t\0eE~";
        var chars = new char[1 + _random.Next(6)];
        for (int i = 0; i < chars.Length; i++) chars[i] = alphabet[_random.Next(alphabet.Length)];
        return new string(chars);
    }
}
