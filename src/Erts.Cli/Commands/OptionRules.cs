using System.CommandLine;
using System.Globalization;
using System.Numerics;

namespace Erts.Cli.Commands;

/// <summary>Range checks on option values, reported as parse errors that name the option, the rule and the value.</summary>
internal static class OptionRules
{
    /// <summary>The value must be at least <paramref name="minimum"/>.</summary>
    public static Option<T> AtLeast<T>(this Option<T> option, T minimum) where T : INumber<T> =>
        option.Check(value => value >= minimum, $"must be at least {Format(minimum)}");

    /// <summary>The value must lie in [<paramref name="minimum"/>, <paramref name="maximum"/>].</summary>
    public static Option<T> Between<T>(this Option<T> option, T minimum, T maximum) where T : INumber<T> =>
        option.Check(value => value >= minimum && value <= maximum, $"must be in [{Format(minimum)}, {Format(maximum)}]");

    /// <summary>The value must lie in (<paramref name="minimum"/>, <paramref name="maximum"/>].</summary>
    public static Option<T> AboveUpTo<T>(this Option<T> option, T minimum, T maximum) where T : INumber<T> =>
        option.Check(value => value > minimum && value <= maximum, $"must be in ({Format(minimum)}, {Format(maximum)}]");

    /// <summary>The value must lie in [<paramref name="minimum"/>, <paramref name="maximum"/>).</summary>
    public static Option<T> AtLeastBelow<T>(this Option<T> option, T minimum, T maximum) where T : INumber<T> =>
        option.Check(value => value >= minimum && value < maximum, $"must be in [{Format(minimum)}, {Format(maximum)})");

    /// <summary>The value must be greater than <paramref name="minimum"/>.</summary>
    public static Option<T> Above<T>(this Option<T> option, T minimum) where T : INumber<T> =>
        option.Check(value => value > minimum, $"must be greater than {Format(minimum)}");

    /// <summary>The value must be one of <paramref name="names"/> (ordinal); the error lists them.</summary>
    public static Option<string> OneOf(this Option<string> option, IReadOnlyList<string> names, string what) =>
        option.Check(value => value != null && names.Contains(value), $"is not a known {what}; known: {string.Join(", ", names)}");

    /// <summary>Every value of a list option must satisfy <paramref name="rule"/>.</summary>
    public static Option<T[]> Each<T>(this Option<T[]> option, Func<T, bool> rule, string ruleText)
    {
        option.Validators.Add(result =>
        {
            foreach (var value in result.GetValueOrDefault<T[]>() ?? [])
                if (!rule(value))
                    result.AddError($"{option.Name} {ruleText} (got {Format(value)}).");
        });
        return option;
    }

    private static Option<T> Check<T>(this Option<T> option, Func<T, bool> rule, string ruleText)
    {
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<T>();
            if (!rule(value)) result.AddError($"{option.Name} {ruleText} (got {Format(value)}).");
        });
        return option;
    }

    private static string Format<T>(T value) => value is IFormattable formattable
        ? formattable.ToString(null, CultureInfo.InvariantCulture)
        : value?.ToString() ?? "nothing";
}
