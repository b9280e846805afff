namespace Erts.MLNet.Data.Download;

/// <summary>
/// ECG datasets known to the downloader, at their original PhysioNet locations. Sizes are approximate and refer to
/// the selected files. Pass any entry to <see cref="DatasetDownloader.DownloadAsync"/>; use <c>with</c> to change its
/// file selection (for instance <c>PhysioNetCatalog.PtbXl with { Include = [] }</c> for the 500 Hz records too).
/// </summary>
public static class PhysioNetCatalog
{
    private const string PhysioNetCitation =
        "Goldberger AL, Amaral LAN, Glass L, Hausdorff JM, Ivanov PCh, Mark RG, Mietus JE, Moody GB, Peng C-K, Stanley HE. " +
        "PhysioBank, PhysioToolkit, and PhysioNet: Components of a new research resource for complex physiologic signals. " +
        "Circulation 101(23):e215-e220 (2000).";

    /// <summary>MIT-BIH Arrhythmia Database: 48 two-lead 30-min records, 360 Hz, beat annotations (all files).</summary>
    public static PhysioNetDataset Mitdb { get; } = new(
        "mitdb", "MIT-BIH Arrhythmia Database", "1.0.0", new Uri("https://physionet.org/files/mitdb/1.0.0/"),
        "Open Data Commons Attribution License v1.0 (ODC-By 1.0)",
        "Moody GB, Mark RG. The impact of the MIT-BIH Arrhythmia Database. IEEE Eng Med Biol 20(3):45-50 (2001). " + PhysioNetCitation,
        ApproximateBytes: 105_000_000, Include: []);

    /// <summary>PTB-XL: 21,799 twelve-lead 10-s records; the 100 Hz records and the label tables (not the 500 Hz records).</summary>
    public static PhysioNetDataset PtbXl { get; } = new(
        "ptb-xl", "PTB-XL, a large publicly available electrocardiography dataset", "1.0.3",
        new Uri("https://physionet.org/files/ptb-xl/1.0.3/"),
        "Creative Commons Attribution 4.0 International (CC BY 4.0)",
        "Wagner P, Strodthoff N, Bousseljot R-D, Kreiseler D, Lunze FI, Samek W, Schaeffter T. PTB-XL, a large publicly " +
        "available electrocardiography dataset. Scientific Data 7:154 (2020). " + PhysioNetCitation,
        ApproximateBytes: 560_000_000, Include: ["records100/", "ptbxl_database.csv", "scp_statements.csv", "LICENSE.txt"]);

    /// <summary>PhysioNet/CinC Challenge 2017 (AF from a short single-lead ECG): the 8,528 training records, 300 Hz.</summary>
    public static PhysioNetDataset Challenge2017 { get; } = new(
        "challenge-2017", "AF Classification from a Short Single Lead ECG Recording: the PhysioNet/Computing in Cardiology Challenge 2017",
        "1.0.0", new Uri("https://physionet.org/files/challenge-2017/1.0.0/"),
        "Open Data Commons Attribution License v1.0 (ODC-By 1.0)",
        "Clifford GD, Liu C, Moody B, Lehman L-W, Silva I, Li Q, Johnson AE, Mark RG. AF classification from a short single " +
        "lead ECG recording: the PhysioNet/Computing in Cardiology Challenge 2017. Computing in Cardiology 44 (2017), " +
        "doi:10.22489/CinC.2017.065-469. " + PhysioNetCitation,
        ApproximateBytes: 170_000_000, Include: ["training/"]);

    /// <summary>CPSC 2018 training set as redistributed by the PhysioNet/CinC Challenge 2020: 6,877 twelve-lead records, 500 Hz.</summary>
    public static PhysioNetDataset Cpsc2018 { get; } = Challenge2020Source(
        "cpsc-2018", "China Physiological Signal Challenge 2018 (PhysioNet/CinC Challenge 2020 training set)", "training/cpsc_2018/",
        "Liu F, Liu C, Zhao L, et al. An open access database for evaluating the algorithms of electrocardiogram rhythm and " +
        "morphology abnormality detection. J Med Imaging Health Inform 8(7):1368-1373 (2018). ",
        approximateBytes: 1_300_000_000);

    /// <summary>Georgia 12-lead ECG Challenge database (PhysioNet/CinC Challenge 2020 training set): 10,344 records, 500 Hz, 10 s.</summary>
    public static PhysioNetDataset Georgia { get; } = Challenge2020Source(
        "georgia", "Georgia 12-lead ECG Challenge Database (PhysioNet/CinC Challenge 2020 training set)", "training/georgia/",
        string.Empty, approximateBytes: 1_250_000_000);

    /// <summary>St Petersburg INCART 12-lead Arrhythmia Database: 75 thirty-minute records, 257 Hz, beat annotations.</summary>
    public static PhysioNetDataset Incartdb { get; } = new(
        "incartdb", "St Petersburg INCART 12-lead Arrhythmia Database", "1.0.0", new Uri("https://physionet.org/files/incartdb/1.0.0/"),
        "Open Data Commons Attribution License v1.0 (ODC-By 1.0)",
        "Tihonenko V, Khaustov A, Ivanov S, Rivin A, Yakushenko E. St Petersburg INCART 12-lead Arrhythmia Database. " +
        "PhysioBank, PhysioToolkit, and PhysioNet (2008), doi:10.13026/C2V88N. " + PhysioNetCitation,
        ApproximateBytes: 840_000_000, Include: []);

    /// <summary>MIT-BIH Supraventricular Arrhythmia Database: 78 two-lead 30-min records, 128 Hz, beat annotations.</summary>
    public static PhysioNetDataset Svdb { get; } = new(
        "svdb", "MIT-BIH Supraventricular Arrhythmia Database", "1.0.0", new Uri("https://physionet.org/files/svdb/1.0.0/"),
        "Open Data Commons Attribution License v1.0 (ODC-By 1.0)",
        "Greenwald SD, Patil RS, Mark RG. Improved detection and classification of arrhythmias in noise-corrupted electrocardiograms " +
        "using contextual information. Computers in Cardiology 17:461-464 (1990). " + PhysioNetCitation,
        ApproximateBytes: 60_000_000, Include: []);

    /// <summary>Every known dataset.</summary>
    public static IReadOnlyList<PhysioNetDataset> All { get; } = [Mitdb, PtbXl, Challenge2017, Cpsc2018, Georgia, Incartdb, Svdb];

    /// <summary>The dataset called <paramref name="name"/> (case-insensitive).</summary>
    /// <param name="name">A catalogue name, e.g. "mitdb".</param>
    /// <exception cref="KeyNotFoundException">No dataset has that name; the message lists the known names.</exception>
    public static PhysioNetDataset Get(string name) =>
        All.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new KeyNotFoundException($"Unknown dataset '{name}'; known datasets: {string.Join(", ", All.Select(d => d.Name))}.");

    private static PhysioNetDataset Challenge2020Source(string name, string title, string folder, string sourceCitation, long approximateBytes) => new(
        name, title, "1.0.2", new Uri("https://physionet.org/files/challenge-2020/1.0.2/"),
        "Creative Commons Attribution 4.0 International (CC BY 4.0)",
        sourceCitation +
        "Perez Alday EA, Gu A, Shah AJ, Robichaux C, Wong A-KI, Liu C, Liu F, Rad AB, Elola A, Seyedi S, Li Q, Sharma A, " +
        "Clifford GD, Reyna MA. Classification of 12-lead ECGs: the PhysioNet/Computing in Cardiology Challenge 2020. " +
        "Physiol Meas 41(12):124003 (2020). " + PhysioNetCitation,
        approximateBytes, Include: [folder]);
}
