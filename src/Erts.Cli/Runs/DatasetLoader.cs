using Erts.MLNet.Data;
using Erts.MLNet.Data.Datasets;
using Erts.MLNet.Data.Synthetic;

namespace Erts.Cli.Runs;

/// <summary>Loads the data of a <see cref="DatasetRequest"/> into train, validation and test parts, in memory.</summary>
internal static class DatasetLoader
{
    /// <summary>Shares used when a dataset (or the subset at hand) has no official test part.</summary>
    public static readonly SplitFractions FallbackFractions = new(0.8, 0.1, 0.1);

    /// <summary>Loads the splits.</summary>
    /// <exception cref="DirectoryNotFoundException">A real dataset's folder is missing or lacks its files.</exception>
    /// <exception cref="InvalidOperationException">erts has no loader for the dataset.</exception>
    /// <exception cref="InvalidDataException">The data hold fewer than two classes.</exception>
    public static EcgSplits Load(DatasetRequest request)
    {
        if (request.Dataset.IsGenerated) return Synthetic(request);
        var open = (request.WholeRecords ? request.Dataset.OpenWholeRecordLoader : request.Dataset.OpenLoader)
                   ?? throw new InvalidOperationException(request.WholeRecords
                       ? $"'{request.Dataset.Name}' has no whole records of different lengths to load."
                       : $"erts cannot train on '{request.Dataset.Name}' yet: it has no loader for it.");
        RequireFolder(request.Dataset, request.Folder);
        IEcgDataset dataset = open(request.Folder);
        EcgSplits splits = FromParts(request, [.. dataset.Load(DatasetSplit.Train)], [.. dataset.Load(DatasetSplit.Validation)], [.. dataset.Load(DatasetSplit.Test)]);
        return dataset.Warnings.Count == 0 ? splits : splits with { Note = string.Join("; ", new[] { splits.Note, Summary(dataset.Warnings) }.OfType<string>()) };
    }

    // What the loader left out or merged, in the note the splits line shows: the count and the first, in full.
    private static string Summary(IReadOnlyList<DataWarning> warnings) =>
        warnings.Count == 1
            ? $"data warning: {warnings[0].Message}"
            : $"{warnings.Count} data warnings, the first: {warnings[0].Message}";

    /// <summary>Fails with a message that says where the files were looked for and how to get them.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder is missing or lacks the dataset's marker files.</exception>
    public static void RequireFolder(DatasetInfo dataset, string folder)
    {
        if (!Directory.Exists(folder))
            throw new DirectoryNotFoundException(
                $"dataset '{dataset.Name}' not found at {folder}; run 'erts datasets download {dataset.Name}', pass --data <folder> or set {DatasetLocation.SharedDataVariable}.");
        var missing = DatasetLocation.MissingMarkers(dataset, folder);
        if (missing.Count > 0)
            throw new DirectoryNotFoundException(
                $"{folder} does not look like the '{dataset.Name}' dataset: {string.Join(", ", missing)} missing (an unfinished download? run 'erts datasets download {dataset.Name}' to complete it).");
    }

    /// <summary>
    /// The synthetic set, split 80/10/10 within each class (record i is the (i / K)-th of class i mod K). Label flips
    /// stay in the training and validation parts: the test part keeps every record's true class, so test scores
    /// measure what the model learned, not the noise.
    /// </summary>
    private static EcgSplits Synthetic(DatasetRequest request)
    {
        var settings = request.Synthetic;
        var generator = new SyntheticEcgGenerator(new SyntheticEcgOptions
        {
            ExamplesPerClass = settings.ExamplesPerClass,
            LabelNoiseFraction = settings.LabelNoise,
            LeadNames = settings.Leads,
            DurationSeconds = settings.DurationSeconds,
            SamplingRate = settings.SamplingRate,
            // Keep mains hum representable at low sampling rates (the generator requires it below Nyquist).
            MainsFrequency = settings.SamplingRate > 120 ? SyntheticEcgOptions.Defaults.MainsFrequency : settings.SamplingRate / 4,
            Seed = settings.Seed,
        });
        int classes = generator.Labels.Count;
        var train = new List<EcgExample>();
        var validation = new List<EcgExample>();
        var test = new List<EcgExample>();
        foreach (var record in generator.GenerateAll())
        {
            int positionInClass = record.Index / classes;
            switch (positionInClass % 10)
            {
                case 8: validation.Add(record.Example); break;
                case 9: test.Add(record.Example with { Label = record.TrueLabel }); break;
                default: train.Add(record.Example); break;
            }
        }
        return FromParts(request, train, validation, test);
    }

    /// <summary>
    /// Builds the splits; when the test part is empty (e.g. a subset without the official test fold) the examples are
    /// re-split 80/10/10, stratified by label, with the request's seed.
    /// </summary>
    private static EcgSplits FromParts(DatasetRequest request, List<EcgExample> train, List<EcgExample> validation, List<EcgExample> test)
    {
        string? note = null;
        if (test.Count == 0)
        {
            var all = train.Concat(validation).ToList();
            var assigned = StratifiedSplit.Assign(all.Select(e => e.Label).ToArray(), FallbackFractions, request.Synthetic.Seed);
            train = all.Where((_, i) => assigned[i] == DatasetSplit.Train).ToList();
            validation = all.Where((_, i) => assigned[i] == DatasetSplit.Validation).ToList();
            test = all.Where((_, i) => assigned[i] == DatasetSplit.Test).ToList();
            note = "no test part in the data at hand: re-split 80/10/10 stratified by label";
        }
        var classNames = train.Concat(validation).Concat(test).Select(e => e.Label).Distinct().Order(StringComparer.Ordinal).ToArray();
        if (classNames.Length < 2)
            throw new InvalidDataException($"{request.Describe()}: found {classNames.Length} class(es); a classifier needs at least two.");
        if (train.Count == 0) throw new InvalidDataException($"{request.Describe()}: the training part is empty.");
        return new EcgSplits(request, classNames, train, validation, test, note);
    }
}
