using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Erts.Cli.Commands;

/// <summary>List options that accept "a,b,c" as well as "a b c" or repeated flags.</summary>
internal static class ListOption
{
    /// <summary>A list of names.</summary>
    public static Option<string[]> Names(string name, string description, string[] defaults) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => defaults,
        AllowMultipleArgumentsPerToken = true,
        CustomParser = result => Split(result).ToArray(),
    };

    /// <summary>A list of integers.</summary>
    public static Option<int[]> Integers(string name, string description, int[] defaults) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => defaults,
        AllowMultipleArgumentsPerToken = true,
        CustomParser = result =>
        {
            var values = new List<int>();
            foreach (string token in Split(result))
            {
                if (int.TryParse(token, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value)) values.Add(value);
                else result.AddError($"{name}: '{token}' is not an integer.");
            }
            return values.ToArray();
        },
    };

    private static IEnumerable<string> Split(ArgumentResult result) =>
        result.Tokens.SelectMany(token => token.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
