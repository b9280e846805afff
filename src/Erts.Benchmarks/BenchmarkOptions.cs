using System.Globalization;

namespace Erts.Benchmarks;

/// <summary>Reads <c>--name value</c> pairs from a benchmark's arguments, with defaults.</summary>
internal sealed class BenchmarkOptions(IReadOnlyList<string> arguments)
{
    /// <summary>A positive whole number, or the default when absent.</summary>
    /// <exception cref="ArgumentException">The value is not a positive whole number.</exception>
    public int Int(string name, int defaultValue)
    {
        string? text = TextOrNull(name);
        if (text is null) return defaultValue;
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) || value < 1)
            throw new ArgumentException($"{name} needs a positive whole number; got '{text}'.");
        return value;
    }

    /// <summary>A member of <typeparamref name="TEnum"/> named by the option (any case), or the default when absent.</summary>
    /// <exception cref="ArgumentException">The value names no member.</exception>
    public TEnum Choice<TEnum>(string name, TEnum defaultValue) where TEnum : struct, Enum
    {
        string? text = TextOrNull(name);
        if (text is null) return defaultValue;
        return Enum.TryParse(text, ignoreCase: true, out TEnum value) && Enum.IsDefined(value)
            ? value
            : throw new ArgumentException($"{name} must be one of {string.Join(", ", Enum.GetNames<TEnum>())}; got '{text}'.");
    }

    /// <summary>The text after the option, or the default when absent.</summary>
    public string Text(string name, string defaultValue) => TextOrNull(name) ?? defaultValue;

    /// <summary>The text after the option, or null when absent.</summary>
    /// <exception cref="ArgumentException">The option is last, with no value.</exception>
    public string? TextOrNull(string name)
    {
        for (int i = 0; i < arguments.Count; i++)
        {
            if (arguments[i] != name) continue;
            if (i + 1 >= arguments.Count) throw new ArgumentException($"{name} needs a value.");
            return arguments[i + 1];
        }
        return null;
    }
}
