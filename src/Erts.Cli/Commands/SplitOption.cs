using System.CommandLine;
using Erts.Cli.Runs;
using Erts.MLNet.Data;

namespace Erts.Cli.Commands;

/// <summary>The --split option of commands that read one part of a dataset.</summary>
internal static class SplitOption
{
    /// <summary>The names accepted.</summary>
    public static IReadOnlyList<string> Names { get; } = ["test", "validation", "train"];

    /// <summary>A --split option defaulting to "test".</summary>
    public static Option<string> Create() => new Option<string>("--split")
    {
        Description = "Part of the dataset to use: test, validation or train.",
        DefaultValueFactory = _ => "test",
    }.OneOf(Names, "split");

    /// <summary>The examples of the named part.</summary>
    public static IReadOnlyList<EcgExample> Select(EcgSplits splits, string name) => name switch
    {
        "train" => splits.Train,
        "validation" => splits.Validation,
        _ => splits.Test,
    };
}
