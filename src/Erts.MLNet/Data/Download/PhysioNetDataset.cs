namespace Erts.MLNet.Data.Download;

/// <summary>
/// A dataset version published on PhysioNet: where it lives, which of its files to fetch, and how it may be used.
/// PhysioNet publishes a <c>SHA256SUMS.txt</c> at the root of every version; the downloader fetches exactly the files
/// it lists (those under <see cref="Include"/>) and checks each against it.
/// </summary>
/// <param name="Name">Short name used on the command line and as the cache folder, e.g. "mitdb".</param>
/// <param name="Title">Full title of the dataset.</param>
/// <param name="Version">Version on PhysioNet, e.g. "1.0.0"; part of the cache folder.</param>
/// <param name="BaseUri">Root of the version's files, ending with '/', e.g. https://physionet.org/files/mitdb/1.0.0/.</param>
/// <param name="Licence">Licence of the data, e.g. "ODC-By 1.0".</param>
/// <param name="Citation">What to cite when using the data.</param>
/// <param name="ApproximateBytes">Approximate size of the selected files (bytes), to warn before a download.</param>
/// <param name="Include">
/// Path prefixes (relative to <paramref name="BaseUri"/>, '/'-separated) of the files to fetch; empty for all files.
/// </param>
public sealed record PhysioNetDataset(
    string Name,
    string Title,
    string Version,
    Uri BaseUri,
    string Licence,
    string Citation,
    long ApproximateBytes,
    IReadOnlyList<string> Include)
{
    /// <summary>Name of the checksum list PhysioNet publishes at the root of every dataset version.</summary>
    public const string ChecksumFileName = "SHA256SUMS.txt";

    /// <summary>The landing page of the dataset version (https://physionet.org/content/NAME/VERSION/ for PhysioNet files).</summary>
    public Uri LandingPage => new(BaseUri.AbsoluteUri.Replace("/files/", "/content/", StringComparison.Ordinal));

    /// <summary>True when <paramref name="relativePath"/> is one of the files to fetch.</summary>
    /// <param name="relativePath">A '/'-separated path relative to <see cref="BaseUri"/>.</param>
    public bool Includes(string relativePath) =>
        Include.Count == 0 || Include.Any(prefix => relativePath.StartsWith(prefix, StringComparison.Ordinal));
}
