using System.CommandLine;
using Erts.Cli.Runs;

namespace Erts.Cli.Commands;

/// <summary>The options that choose the data: a dataset by name and its folder, or the synthetic generator's settings.</summary>
internal sealed class DatasetOptionSet
{
    /// <summary>Creates the set; <paramref name="examplesPerClass"/> is the default size of synthetic data.</summary>
    public DatasetOptionSet(int examplesPerClass = 100, float labelNoise = 0f)
    {
        ExamplesPerClass = new Option<int>("--examples-per-class")
        {
            Description = "Synthetic data: records per class (split 80/10/10 into train, validation, test).",
            DefaultValueFactory = _ => examplesPerClass,
        }.AtLeast(10);
        LabelNoise = new Option<float>("--label-noise")
        {
            Description = "Synthetic data: fraction of training/validation labels flipped to another class (the test set stays clean).",
            DefaultValueFactory = _ => labelNoise,
        }.Between(0f, 0.9f);
    }

    /// <summary>Dataset name.</summary>
    public Option<string> Dataset { get; } = new Option<string>("--dataset", "-d")
    {
        Description = "Dataset: " + string.Join(", ", KnownDatasets.All.Where(d => d.CanTrain).Select(d => d.Name)) + " (see 'erts datasets list').",
        DefaultValueFactory = _ => KnownDatasets.Synthetic.Name,
    };

    /// <summary>Dataset folder.</summary>
    public Option<string?> Data { get; } = new("--data")
    {
        Description = "Folder holding the dataset's files (default: $ERTS_DATA/<name>, else the cache folder).",
    };

    /// <summary>Cache root.</summary>
    public Option<string?> Cache { get; } = new("--cache")
    {
        Description = CacheDescription,
    };

    /// <summary>The help text of every --cache option.</summary>
    public const string CacheDescription =
        "Cache folder of downloaded datasets, holding <physionet-name>/<version>/ (default: $ERTS_DATA_CACHE, else ~/.cache/erts-mlnet or the OS's cache folder).";

    /// <summary>Whole records instead of fixed-length ones.</summary>
    public Option<bool> WholeRecords { get; } = new("--whole-records")
    {
        Description = "Datasets with records of different lengths (" +
                      string.Join(", ", KnownDatasets.All.Where(d => d.HasWholeRecords).Select(d => d.Name)) +
                      "): whole records, zero-padded to the longest with each one's length kept, instead of fixed-length crops " +
                      "(cinc2017: its first 30 s). On by default with --window; --whole-records false keeps the crops.",
    };

    /// <summary>Synthetic records per class.</summary>
    public Option<int> ExamplesPerClass { get; }

    /// <summary>Synthetic label noise.</summary>
    public Option<float> LabelNoise { get; }

    /// <summary>Synthetic leads.</summary>
    public Option<string[]> Leads { get; } = new Option<string[]>("--leads")
    {
        Description = "Synthetic data: leads to generate (I, II, III, aVR, aVL, aVF, V1-V6).",
        DefaultValueFactory = _ => ["I", "II", "V1"],
        AllowMultipleArgumentsPerToken = true,
    };

    /// <summary>Synthetic record length.</summary>
    public Option<float> Duration { get; } = new Option<float>("--duration")
    {
        Description = "Synthetic data: record length in seconds.",
        DefaultValueFactory = _ => 4f,
    }.Between(2f, 60f);

    /// <summary>Synthetic sampling rate.</summary>
    public Option<float> SamplingRate { get; } = new Option<float>("--sampling-rate")
    {
        Description = "Synthetic data: samples per second (Hz).",
        DefaultValueFactory = _ => 100f,
    }.Between(50f, 1000f);

    /// <summary>
    /// The --seed of commands that only read data (evaluate, explain): synthetic records depend on it, so it must be the
    /// seed the model was trained with to see the same test part.
    /// </summary>
    public static Option<int> CreateDataSeedOption() => new("--seed")
    {
        Description = "Seed of the synthetic data (use the one the model was trained with).",
        DefaultValueFactory = _ => Erts.MLNet.Training.ErtsTrainer.Options.Defaults.Seed,
    };

    /// <summary>
    /// Adds the options; <paramref name="withSynthetic"/> false leaves out the generator's settings,
    /// <paramref name="withWholeRecords"/> false leaves out --whole-records (commands that take it from a model).
    /// </summary>
    public void AddTo(Command command, bool withSynthetic = true, bool withWholeRecords = true)
    {
        command.Options.Add(Dataset);
        command.Options.Add(Data);
        command.Options.Add(Cache);
        if (withWholeRecords) command.Options.Add(WholeRecords);
        if (!withSynthetic) return;
        foreach (var option in new Option[] { ExamplesPerClass, LabelNoise, Leads, Duration, SamplingRate })
            command.Options.Add(option);
    }

    /// <summary>The data asked for.</summary>
    /// <param name="parseResult">The command line.</param>
    /// <param name="seed">Seed of synthetic data and of re-splits.</param>
    /// <param name="wholeRecordsByDefault">
    /// Whole records unless --whole-records says otherwise, for datasets that have them (a training window is given, or
    /// the model to evaluate was trained on whole records).
    /// </param>
    /// <exception cref="UsageException">
    /// The dataset name is unknown, erts cannot train on that dataset, or --whole-records names a dataset without them.
    /// </exception>
    public DatasetRequest ToRequest(ParseResult parseResult, int seed, bool wholeRecordsByDefault = false)
    {
        var dataset = KnownDatasets.Find(parseResult.GetValue(Dataset)!);
        if (!dataset.CanTrain)
            throw new UsageException(
                $"--dataset {dataset.Name}: erts can download and verify it but cannot train on it yet; use one of {string.Join(", ", KnownDatasets.All.Where(d => d.CanTrain).Select(d => d.Name))}.");
        string root = DatasetLocation.Resolve(dataset, parseResult.GetValue(Data), parseResult.GetValue(Cache));
        string folder = dataset.IsGenerated ? root : DatasetLocation.DataFolderIn(dataset, root);
        var synthetic = new SyntheticSettings(
            parseResult.GetValue(ExamplesPerClass), parseResult.GetValue(LabelNoise),
            parseResult.GetValue(Leads) ?? ["I", "II", "V1"], parseResult.GetValue(Duration), parseResult.GetValue(SamplingRate), seed);
        bool wholeRecords = parseResult.GetResult(WholeRecords) is { Implicit: false }
            ? parseResult.GetValue(WholeRecords)
            : wholeRecordsByDefault && dataset.HasWholeRecords;
        if (wholeRecords && !dataset.HasWholeRecords)
            throw new UsageException(
                $"--whole-records: the {dataset.Name} records all have one length (or are cut into beats); only {string.Join(", ", KnownDatasets.All.Where(d => d.HasWholeRecords).Select(d => d.Name))} has whole records of different lengths.");
        return new DatasetRequest(dataset, folder, synthetic, wholeRecords);
    }
}
