using Erts.Cli.Commands;
using Erts.MLNet.Data.Datasets;
using Erts.MLNet.Data.Download;

namespace Erts.Cli.Runs;

/// <summary>
/// The datasets <c>erts</c> knows: the built-in synthetic set, the ones it trains on, and the other ECG sets of the
/// library's <see cref="PhysioNetCatalog"/>, which it can download (and verify) for other pipelines.
/// </summary>
internal static class KnownDatasets
{
    /// <summary>The built-in generated ECGs.</summary>
    public static DatasetInfo Synthetic { get; } = new("synthetic", "Synthetic ECG (built in)",
        "Generated multi-lead ECGs in 5 classes (NORM, AF, PVC, BBB, ST) with realistic noise and optional label flips; no download.",
        null, "", [], null);

    /// <summary>Every known dataset: synthetic first, then those erts trains on, then download-only ones.</summary>
    public static IReadOnlyList<DatasetInfo> All { get; } =
    [
        Synthetic,
        new("mitdb", PhysioNetCatalog.Mitdb.Title,
            "48 half-hour 2-lead records at 360 Hz; beats labelled in the AAMI classes (N, S, V, F, Q).",
            PhysioNetCatalog.Mitdb, "", ["RECORDS", "100.hea", "100.atr"], folder => new MitBeatDatabase(folder)),
        new("ptbxl", "PTB-XL",
            "21,799 12-lead 10 s records at 100 Hz (the download leaves out the 500 Hz copies); 5 diagnostic superclasses (NORM, MI, STTC, CD, HYP).",
            PhysioNetCatalog.PtbXl, "", ["ptbxl_database.csv", "scp_statements.csv"], folder => new PtbXlDatabase(folder)),
        new("cinc2017", "PhysioNet/CinC Challenge 2017",
            "8,528 single-lead records at 300 Hz, 9-61 s; labels N, A (AF), O (other), ~ (noisy).",
            PhysioNetCatalog.Challenge2017, "training", ["REFERENCE.csv"], folder => new Cinc2017Database(folder),
            folder => new Cinc2017Database(folder, new Cinc2017Database.Options { Length = null })),
        DownloadOnly(PhysioNetCatalog.Cpsc2018, "6,877 12-lead records at 500 Hz, 6-60 s; SNOMED CT diagnoses (PhysioNet/CinC 2020 layout)."),
        DownloadOnly(PhysioNetCatalog.Georgia, "10,344 12-lead 10 s records at 500 Hz; SNOMED CT diagnoses (PhysioNet/CinC 2020 layout)."),
        DownloadOnly(PhysioNetCatalog.Incartdb, "75 half-hour 12-lead records at 257 Hz; beat annotations."),
        DownloadOnly(PhysioNetCatalog.Svdb, "78 half-hour 2-lead records at 128 Hz; beat annotations."),
    ];

    /// <summary>The dataset called <paramref name="name"/> (case-insensitive); the library's catalogue names are accepted too.</summary>
    /// <exception cref="UsageException">No dataset has that name; the message lists the known ones.</exception>
    public static DatasetInfo Find(string name) =>
        All.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? All.FirstOrDefault(d => string.Equals(d.Download?.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new UsageException($"unknown dataset '{name}'; known: {string.Join(", ", All.Select(d => d.Name))}.");

    /// <summary>
    /// A dataset erts downloads and verifies but has no training loader for: its complete download is recognised by the
    /// <c>SHA256SUMS.txt</c> the downloader writes last (PhysioNet's archives carry one too).
    /// </summary>
    private static DatasetInfo DownloadOnly(PhysioNetDataset dataset, string summary) =>
        new(dataset.Name, dataset.Title, summary, dataset, "", [PhysioNetDataset.ChecksumFileName], null);
}
