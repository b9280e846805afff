using System.Globalization;
using System.Text;

namespace Erts.MLNet.Data;

/// <summary>
/// How a message shows a value read from an input file: at most <see cref="MaximumLength"/> characters, control
/// characters escaped, and the full length when it was cut, so that a 100 MB label cannot flood a log or a terminal
/// and a message stays on one line. Every data reader echoes values through this one helper.
/// </summary>
internal static class EchoedValue
{
    /// <summary>Characters of a value a message shows, 200.</summary>
    public const int MaximumLength = 200;

    /// <summary>The value in single quotes, capped: <c>'A00001'</c>, or <c>'first 200 characters…' (104857600 characters)</c>.</summary>
    /// <param name="value">Text read from input.</param>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length <= MaximumLength
            ? $"'{Escape(value)}'"
            : string.Create(CultureInfo.InvariantCulture, $"'{Escape(value.AsSpan(0, MaximumLength))}…' ({value.Length} characters)");
    }

    /// <summary>The value without quotes, capped as by <see cref="Quote"/>: for names (files, fields) a message shows unquoted.</summary>
    /// <param name="value">Text that may come from input.</param>
    public static string Cap(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length <= MaximumLength
            ? Escape(value)
            : string.Create(CultureInfo.InvariantCulture, $"{Escape(value.AsSpan(0, MaximumLength))}… ({value.Length} characters)");
    }

    // A line break inside a value would split a one-line error; other control characters can rewrite a terminal.
    private static string Escape(ReadOnlySpan<char> text)
    {
        bool hasControl = false;
        foreach (char c in text) hasControl |= char.IsControl(c);
        if (!hasControl) return text.ToString();
        var escaped = new StringBuilder(text.Length + 8);
        foreach (char c in text)
        {
            escaped.Append(c switch
            {
                '\n' => @"\n",
                '\r' => @"\r",
                '\t' => @"\t",
                _ when char.IsControl(c) => $@"\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }
        return escaped.ToString();
    }
}
