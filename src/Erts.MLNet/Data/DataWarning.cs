namespace Erts.MLNet.Data;

/// <summary>
/// Something in a data file that a loader accepted without guessing but that the user should know about, e.g. a
/// record listed twice with the same label (kept once) or a PTB-XL row with no diagnostic statement (left out).
/// Loaders list them in <see cref="Datasets.IEcgDataset.Warnings"/>; the rules are in <c>data-schemas/README.md</c>.
/// </summary>
/// <param name="FilePath">The file concerned.</param>
/// <param name="LineNumber">1-based line number in a text file, or null.</param>
/// <param name="Field">The field or column concerned, or null.</param>
/// <param name="Problem">What was found and what the loader did about it.</param>
public sealed record DataWarning(string FilePath, int? LineNumber, string? Field, string Problem)
{
    /// <summary>One line naming the file, line and field, in the form of a <see cref="DataFormatException"/> message.</summary>
    public string Message => DataFormatException.BuildMessage(FilePath, LineNumber, Field, Problem);

    /// <summary>The <see cref="Message"/>.</summary>
    public override string ToString() => Message;
}
