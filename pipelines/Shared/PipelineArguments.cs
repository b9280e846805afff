using System.Globalization;
using Erts.MLNet.Training;

namespace Erts.Pipelines;

/// <summary>
/// The few arguments every pipeline takes: <c>[data-folder] [--epochs N] [--policy NAME] [--output FOLDER]</c>.
/// </summary>
/// <param name="Folder">The dataset folder (see <see cref="DataFolder.Resolve"/>).</param>
/// <param name="Epochs">Training epochs; warm-up, CAM delay and revision keep the reference ratios (<see cref="ApplySchedule"/>).</param>
/// <param name="Policy">Selection policy name, e.g. "erts-dbpd" or "full".</param>
/// <param name="Output">Folder for the model and metrics.</param>
public sealed record PipelineArguments(string Folder, int Epochs, string Policy, string Output)
{
    /// <summary>Parses the arguments, or returns null after printing why (missing data, bad value).</summary>
    /// <param name="args">Command-line arguments.</param>
    /// <param name="dataset">Dataset folder name, e.g. "mitdb".</param>
    /// <param name="source">Where the dataset is published.</param>
    /// <param name="defaultEpochs">Epochs when <c>--epochs</c> is not given.</param>
    public static PipelineArguments? Parse(string[] args, string dataset, string source, int defaultEpochs)
    {
        ArgumentNullException.ThrowIfNull(args);
        var positional = new List<string>();
        var named = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) positional.Add(args[i]);
            else if (i + 1 < args.Length) named[args[i]] = args[++i];
            else return Fail($"{args[i]} needs a value");
        }
        if (named.Keys.FirstOrDefault(key => key is not ("--epochs" or "--policy" or "--output")) is { } unknown)
            return Fail($"unknown option {unknown}; the options are --epochs N, --policy NAME, --output FOLDER");
        int epochs = defaultEpochs;
        if (named.TryGetValue("--epochs", out string? text) && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out epochs) || epochs < 1))
            return Fail($"--epochs must be a whole number of 1 or more; it is '{text}'");
        string? folder = DataFolder.Resolve(positional.ToArray(), dataset, source);
        return folder is null ? null : new PipelineArguments(folder, epochs, named.GetValueOrDefault("--policy", ErtsTrainer.Options.Defaults.SelectionPolicy),
            named.GetValueOrDefault("--output", Path.Combine("results", dataset)));
    }

    /// <summary>Sets epochs, policy and the schedule (scaled from the reference 100 epochs) on <paramref name="options"/>.</summary>
    /// <param name="options">Trainer options to complete.</param>
    public ErtsTrainer.Options ApplySchedule(ErtsTrainer.Options options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.SelectionPolicy = Policy;
        return ReferenceSchedule.Apply(options, Epochs);
    }

    private static PipelineArguments? Fail(string message)
    {
        Console.Error.WriteLine(message);
        return null;
    }
}
